import Foundation
import MadangCore
import Testing
@testable import MadangIntake

@Suite("Column mapping and dates")
struct ColumnMappingTests {
    func fields(_ mapping: ColumnMapping) -> [String: String] {
        Dictionary(uniqueKeysWithValues: mapping.columns.map { ($0.key.rawValue, mapping.header[$0.value]) })
    }

    @Test("Korean headers map to their fields")
    func korean() throws {
        let mapping = try ColumnMapping(header: ["번호", "제목", "의견 내용", "성명", "연락처", "단체명", "찬성", "작성일시", "비고"], kind: .proposal)
        #expect(fields(mapping) == [
            "external-id": "번호", "title": "제목", "body": "의견 내용", "author": "성명", "contact": "연락처",
            "group": "단체명", "supporters": "찬성", "submitted-at": "작성일시",
        ])
        #expect(mapping.ignored == [8])
    }

    @Test("Form headers as people write them: notes in brackets, and questions that name their field")
    func formHeaders() throws {
        let korean = try ColumnMapping(
            header: ["타임스탬프", "이름(실명)", "휴대전화 번호", "소속 단체(선택)", "의견을 자유롭게 적어 주세요"], kind: .comment)
        #expect(fields(korean) == [
            "submitted-at": "타임스탬프", "author": "이름(실명)", "phone": "휴대전화 번호", "group": "소속 단체(선택)",
            "body": "의견을 자유롭게 적어 주세요",
        ])
        let english = try ColumnMapping(header: ["Timestamp", "Your name", "Phone number", "Your comment"], kind: .comment)
        #expect(fields(english) == ["submitted-at": "Timestamp", "author": "Your name", "phone": "Phone number", "body": "Your comment"])
        #expect(fields(try ColumnMapping(header: ["성함", "휴대폰", "내용"], kind: .comment)) == ["author": "성함", "phone": "휴대폰", "body": "내용"])
        // A question that holds the words of two fields is left for --map.
        #expect(throws: ImportError.self) { try ColumnMapping(header: ["이름과 의견"], kind: .comment) }
    }

    @Test("Counts of supporters as people write them", arguments: [
        ("1250", 1250), ("1,250", 1250), ("1.250", 1250), ("1 250", 1250), ("1,250명", 1250), ("약 300", 300),
        ("about 300 people", 300), ("12,345,678", 12_345_678), ("0", 0),
    ])
    func counts(_ text: String, _ expected: Int) {
        #expect(SupporterCount.parse(text) == expected)
    }

    @Test("What is not a count is not read as one", arguments: ["1.5", "12,34", "-3", "many", "", "1,2345", "３００"])
    func notCounts(_ text: String) {
        #expect(SupporterCount.parse(text) == nil)
    }

    @Test("A statement takes only a speaker, text, time and id")
    func statementFields() throws {
        let mapping = try ColumnMapping(header: ["발언자", "발언 내용", "제목", "일시"], kind: .statement)
        #expect(fields(mapping) == ["speaker": "발언자", "body": "발언 내용", "submitted-at": "일시"])
        #expect(throws: ImportError.fieldNotForKind(field: "title", kind: .statement)) {
            try ColumnMapping(header: ["text", "x"], kind: .statement, overrides: ["x=title"])
        }
    }

    @Test("Google Forms: the question column needs --map; the error lists the columns")
    func googleForms() throws {
        let header = ["Timestamp", "Email Address", "What would you like to tell the city?", "Your neighbourhood"]
        #expect(throws: ImportError.noBodyColumn(header: header)) { try ColumnMapping(header: header, kind: .comment) }
        let mapping = try ColumnMapping(header: header, kind: .comment, overrides: ["What would you like to tell the city?=body"])
        #expect(fields(mapping) == ["submitted-at": "Timestamp", "email": "Email Address", "body": "What would you like to tell the city?"])
        let byNumber = try ColumnMapping(header: header, kind: .comment, overrides: ["3=body"])
        #expect(byNumber[.body] == 2)
        #expect(throws: ImportError.unknownColumn("Q9", header: header)) {
            try ColumnMapping(header: header, kind: .comment, overrides: ["Q9=body"])
        }
        #expect(throws: ImportError.unknownField("bodyy")) {
            try ColumnMapping(header: header, kind: .comment, overrides: ["3=bodyy"])
        }
    }

    @Test("Real export layouts map without help",
          .enabled(if: FileManager.default.fileExists(atPath: SharedTestData.url("exports").path), "../shared/testdata is absent"))
    func exportLayouts() throws {
        func header(_ path: String) throws -> [String] {
            try ImportRun.header(of: CSVFile(path: SharedTestData.url(path).path))
        }
        let regulations = try ColumnMapping(header: header("exports/regulations-gov/regulations_gov_bulk_header_and_example_row.csv"), kind: .comment)
        #expect(fields(regulations)["body"] == "Comment")
        #expect(fields(regulations)["first-name"] == "First Name")
        #expect(fields(regulations)["last-name"] == "Last Name")
        #expect(fields(regulations)["submitted-at"] == "Received Date")
        #expect(fields(regulations)["external-id"] == "Document ID")

        let decidimFile = try CSVFile(path: SharedTestData.url("exports/decidim/proposals_export_header_DERIVED.csv").path)
        #expect(decidimFile.dialect.delimiterName == "semicolon")
        let decidim = try ColumnMapping(header: ImportRun.header(of: decidimFile), kind: .proposal)
        #expect(fields(decidim)["title"] == "title/en")
        #expect(fields(decidim)["body"] == "body/en")
        #expect(fields(decidim)["author"] == "author/name")
        #expect(fields(decidim)["supporters"] == "votes")

        let consulFile = try CSVFile(path: SharedTestData.url("exports/consul/investment_comments_export_header.csv").path)
        let consul = try ColumnMapping(header: ImportRun.header(of: consulFile), kind: .comment)
        #expect(consul.header.first == "ID") // the UTF-8 byte-order mark is not part of the name
        #expect(fields(consul)["body"] == "Comment Content")
        #expect(fields(consul)["author"] == "Comment Author")
    }

    @Test("Dates in the forms spreadsheets write", arguments: [
        ("2024-03-05", "2024-03-05T00:00:00Z"),
        ("2024-03-05 14:30", "2024-03-05T14:30:00Z"),
        ("2024-03-06T05:00Z", "2024-03-06T05:00:00Z"),
        ("2024-03-05T14:30:15+09:00", "2024-03-05T05:30:15Z"),
        ("2024-03-05 14:30:15.250-0500", "2024-03-05T19:30:15Z"),
        ("2024.03.05", "2024-03-05T00:00:00Z"),
        ("2024. 3. 5. 오후 2:30:15", "2024-03-05T14:30:15Z"),
        ("2024. 3. 5 오전 12:05:00", "2024-03-05T00:05:00Z"),
        ("3/13/2024 9:15:00", "2024-03-13T09:15:00Z"),
        ("13.03.2024", "2024-03-13T00:00:00Z"),
        ("2024/03/05 08:00", "2024-03-05T08:00:00Z"),
        ("2024년 1월 5일", "2024-01-05T00:00:00Z"),
        ("2024년 1월 5일 오후 2시 30분", "2024-01-05T14:30:00Z"),
        ("2024년 1월 5일(금) 오전 9시", "2024-01-05T09:00:00Z"),
        ("2024. 1. 5. 오후 2:30:00", "2024-01-05T14:30:00Z"),
    ])
    func dates(text: String, expected: String) throws {
        let date = try #require(SubmissionDate.parse(text, timeZone: .gmt))
        #expect(date.formatted(.iso8601) == expected)
    }

    @Test("A date with its year last is read in its column's order, never guessed")
    func dateOrder() throws {
        #expect(SubmissionDate.parse("05.01.2024", timeZone: .gmt) == nil)
        #expect(SubmissionDate.parse("05.01.2024", order: .dmy, timeZone: .gmt)?.formatted(.iso8601) == "2024-01-05T00:00:00Z")
        #expect(SubmissionDate.parse("3/5/2024 9:15:00 PM", order: .mdy, timeZone: .gmt)?.formatted(.iso8601) == "2024-03-05T21:15:00Z")
        // A value that shows the other order is refused, not read against the column.
        #expect(SubmissionDate.parse("13.01.2024", order: .mdy, timeZone: .gmt) == nil)
        #expect(SubmissionDate.evidence("13.01.2024") == .proves(.dmy))
        #expect(SubmissionDate.evidence("1/13/2024") == .proves(.mdy))
        #expect(SubmissionDate.evidence("05.01.2024") == .either)
        #expect(SubmissionDate.evidence("2024-01-05") == nil)
        var survey = DateOrderSurvey()
        for (line, value) in ["05.01.2024", "07.01.2024", "13.01.2024", "1/2/2024"].enumerated() { survey.add(value, line: line + 2) }
        #expect(survey.settled?.order == .dmy && survey.settled?.line == 4)
        #expect(survey.firstAmbiguous?.value == "05.01.2024")
    }

    @Test("Unreadable dates are refused", arguments: [
        "not a date", "2023-02-29", "2024-13-01", "13/45/2024", "2024-03-05 25:00", "yesterday", "05-03-24", "2024-03-05 14",
    ])
    func badDates(text: String) {
        #expect(SubmissionDate.parse(text, timeZone: .gmt) == nil)
    }

    @Test("Exported cells cannot start a spreadsheet formula")
    func defusing() {
        #expect(CSVWriter.line(["=1+1", "+cmd", "-2", "@SUM(A1)", "ok, \"quoted\"", "줄\n바꿈"])
            == "'=1+1,'+cmd,'-2,'@SUM(A1),\"ok, \"\"quoted\"\"\",\"줄\n바꿈\"\r\n")
    }
}
