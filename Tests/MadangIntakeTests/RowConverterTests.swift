import Foundation
import MadangCore
import Testing
@testable import MadangIntake

@Suite("Rows into items")
struct RowConverterTests {
    func record(_ text: String) throws -> CSVRecord {
        var result: CSVRecord?
        var reader = CSVReader(dialect: CSVDialect())
        Array(text.utf8).withUnsafeBufferPointer { reader.consume($0) { result = $0 } }
        try reader.finish { result = $0 }
        return try #require(result)
    }

    func converter(_ header: [String], kind: ItemKind, group: String? = nil, panel: Panel = Panel([])) throws -> RowConverter {
        RowConverter(mapping: try ColumnMapping(header: header, kind: kind), kind: kind, hearingID: 1,
                     fileName: "f.csv", defaultGroup: group, panel: panel, timeZone: .gmt,
                     receivedAt: Date(timeIntervalSince1970: 0))
    }

    @Test("Contact details go to the contact fields, never into the text")
    func contactApart() throws {
        let c = try converter(["내용", "작성자", "연락처", "이메일"], kind: .comment)
        let row = try c.convert(record("버스가 부족합니다,김민지,010-1234-5678,minji@example.org\n")).get()
        #expect(row.item.body == "버스가 부족합니다")
        #expect(row.item.author == "김민지")
        #expect(row.item.contact == Contact(email: "minji@example.org", phone: "010-1234-5678"))
        #expect(row.item.provenance == .imported(file: "f.csv", line: 1))
    }

    @Test("First and last names join; an organization follows a commenter's name")
    func names() throws {
        let c = try converter(["Comment", "First Name", "Last Name", "Organization Name"], kind: .comment)
        let row = try c.convert(record("I support it,Ava,Nowicki,Audubon\n")).get()
        #expect(row.item.author == "Ava Nowicki (Audubon)")
    }

    @Test("A proposal without a title column is titled by its first sentence; --group fills the group")
    func proposals() throws {
        let c = try converter(["body", "supports"], kind: .proposal, group: "Gwangju citizens")
        let row = try c.convert(record("Join the portals. One sign-in for all,\"1,204\"\n")).get()
        #expect(row.item.title == "Join the portals")
        #expect(row.item.group == "Gwangju citizens")
        #expect(row.item.supporters == 1204)
        // A proposal from one person (Decidim's export, a file of individual proposals) needs no group.
        let personal = try converter(["body", "author", "votes"], kind: .proposal)
        let own = try personal.convert(record("Plant trees on every school road.,Kim Min-su,\"1,250명\"\n")).get()
        #expect(own.item.group == nil && own.item.author == "Kim Min-su" && own.item.supporters == 1250)
    }

    @Test("Statements name a speaker on the panel")
    func statements() throws {
        let panel = Panel([Participant(id: 7, hearingID: 1, name: "Nam Gwang-woo", role: .panelist, position: 1)])
        let c = try converter(["speaker", "text"], kind: .statement, panel: panel)
        #expect(try c.convert(record("nam,Standards matter\n")).get().item.speakerID == 7)
        guard case .failure(let problem) = c.convert(try record("Lee,Who?\n")) else {
            Issue.record("an unknown speaker was accepted")
            return
        }
        guard case .unknownSpeaker("Lee", let reason) = problem.kind else {
            Issue.record("\(problem.kind) is not an unknown speaker")
            return
        }
        #expect(reason.hasPrefix("Nobody on the panel matches 'Lee'"))
        #expect(problem.column == 1 && problem.columnName == "speaker")
        #expect(problem.description.hasPrefix("line 1, column 1 (speaker): Nobody on the panel matches 'Lee'"))
    }

    @Test("Ragged rows and broken quotes are row problems naming the line")
    func rowProblems() throws {
        let c = try converter(["title", "body"], kind: .comment)
        guard case .failure(let ragged) = c.convert(try record("only one\n")) else { Issue.record("ragged accepted"); return }
        #expect(ragged.kind == .fieldCount(found: 1, expected: 2))
        #expect(ragged.description == "line 1: 1 field where the header has 2")
        guard case .failure(let quote) = c.convert(try record("\"a\"b,c\n")) else { Issue.record("quote accepted"); return }
        #expect(quote.kind == .malformed(#"unexpected "b" after closing quote"#) && quote.column == 4)
        #expect(quote.description == #"line 1, column 4: unexpected "b" after closing quote"#)
    }

    @Test("The fingerprint ignores the supporter count and when the file was read, and nothing else")
    func fingerprints() throws {
        let c = try converter(["title", "body", "supporters", "group"], kind: .proposal)
        let first = try c.convert(record("T,Body,10,G\n")).get().fingerprint
        let later = try c.convert(record("T,Body,25,G\n")).get().fingerprint
        let edited = try c.convert(record("T,Body!,10,G\n")).get().fingerprint
        let other = RowConverter(mapping: c.mapping, kind: .proposal, hearingID: 1, fileName: "g.csv", timeZone: .gmt)
        #expect(first == later)
        #expect(first != edited)
        #expect(try other.convert(record("T,Body,10,G\n")).get().fingerprint == first)
    }
}
