import Foundation
import MadangCore
import MadangService
import Testing

@Suite("The response register as a spreadsheet")
struct RegisterTests {
    /// The CSV export's text, its byte-order mark removed.
    static func csv(_ workspace: Workspace) async throws -> String {
        let bytes = try await workspace.exportResponses("k", format: .csv)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        return String(decoding: bytes.dropFirst(3), as: UTF8.self)
    }

    @Test("Export, answer in the sheet, import: applied once; a dry run applies nothing")
    func roundTrip() async throws {
        let temporary = try await ReportTests.koreanHearing()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        let text = try await RegisterTests.csv(workspace)
        var lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "마당 답변 등록부,k")
        #expect(lines[1] == "번호,구분,제출자,정책목표,의견,처리 결과,답변,사유,조치 계획,담당 부서")
        #expect(lines[2].contains("[전화번호 삭제]"), "the opinion is masked as in the report")
        // The second opinion (미반영) becomes 부분반영 with a new reason; the third gets a response.
        lines[3] = lines[3].replacingOccurrences(of: ",미반영,", with: ",부분반영,")
            .replacingOccurrences(of: "관계 법령상 지자체 권한입니다", with: "예산은 별도 협의가 필요합니다")
        lines[4] = lines[4].replacingOccurrences(of: ",추후검토,", with: ",해당없음,")
        let edited = Array(lines.joined(separator: "\r\n").utf8)
        let dry = try await workspace.importResponses("k", bytes: edited, dryRun: true)
        #expect(dry.changed == 2 && !dry.applied)
        #expect(try await workspace.responseRegister("k").rows[1].response?.state == "not-accepted")
        let applied = try await workspace.importResponses("k", bytes: edited)
        #expect(applied.changed == 2 && applied.applied)
        let rows = try await workspace.responseRegister("k").rows
        #expect(rows.map { $0.response?.state } == ["accepted", "partly-accepted", "out-of-scope"])
        #expect(rows[1].response?.reason == "예산은 별도 협의가 필요합니다")
        #expect(try await workspace.importResponses("k", bytes: edited).changed == 0, "applying the same file again changes nothing")
    }

    @Test("Bad rows are reported with their row and column, all of them, and nothing is applied")
    func badRows() async throws {
        let temporary = try await ReportTests.koreanHearing()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        var lines = try await RegisterTests.csv(workspace).components(separatedBy: "\r\n")
        lines[2] = lines[2].replacingOccurrences(of: "데이터허브를", with: "데이터 허브를")  // the opinion edited
        lines[3] = lines[3].replacingOccurrences(of: ",미반영,", with: ",거절,")
        lines[4] = lines[4].replacingOccurrences(of: ",추후검토,", with: ",미반영,")  // no reason
        lines.insert("999,의견,시민 9,,없는 의견,반영,,,,", at: 5)
        do {
            _ = try await workspace.importResponses("k", bytes: Array(lines.joined(separator: "\r\n").utf8))
            Issue.record("a register with bad rows was applied")
        } catch let error as RegisterError {
            guard case .rows(let problems) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(problems.map(\.row) == [3, 4, 5, 6])
            #expect(problems.map(\.column) == [5, 6, 8, 1])
            #expect(problems[1].description.contains("'거절' is not a decision"))
        }
        #expect(try await workspace.responseRegister("k").rows.map { $0.response?.state } == ["accepted", "not-accepted", "later-review"])
        lines = try await RegisterTests.csv(workspace).components(separatedBy: "\r\n")
        lines[0] = "마당 답변 등록부,another-hearing"
        await #expect(throws: RegisterError.otherHearing(found: "another-hearing", expected: "k")) {
            try await workspace.importResponses("k", bytes: Array(lines.joined(separator: "\r\n").utf8))
        }
    }

    @Test("The XLSX export reads back as the CSV export")
    func xlsxMatchesCSV() async throws {
        let temporary = try await ReportTests.koreanHearing()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        let xlsx = try await workspace.exportResponses("k", format: .xlsx)
        #expect(xlsx.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        // Unchanged, the workbook applies as a register that changes nothing.
        let result = try await workspace.importResponses("k", bytes: xlsx)
        #expect(result.rows == 3 && result.changed == 0)
    }
}
