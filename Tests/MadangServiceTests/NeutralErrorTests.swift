import Foundation
import MadangCore
import MadangService
import Testing

/// Libraries say what is wrong; only a front end says which command or flag to type.
@Suite("Library errors are neutral")
struct NeutralErrorTests {
    static let batch = ImportBatch(
        id: 3, hearingID: 1, kind: .comment, fileName: "f.csv", sha256: "00", encoding: "utf-8", delimiter: "comma",
        rowsRead: 1, imported: 1, duplicates: 0, rejected: 0, importedAt: Date(timeIntervalSince1970: 0), actor: "a")

    static let errors: [any Error] = [
        StoreError.noDatabase(path: "x.sqlite"), StoreError.notMadangDatabase(path: "x", reason: "not SQLite"),
        StoreError.newerSchema(path: "x"), StoreError.unknownHearing(slug: "h", existing: []),
        StoreError.unknownHearing(slug: "h", existing: ["a"]), StoreError.duplicateHearing(slug: "h"),
        StoreError.unknownParticipant(id: 1), StoreError.unknownItem(id: 1), StoreError.invalid(.empty(field: "text")),
        StoreError.alreadyImported(batch), StoreError.unknownBatch(id: 9), StoreError.batchAlreadyUndone(batch),
        StoreError.unknownGoal(code: "G9", existing: []), StoreError.unknownGoal(code: "G9", existing: ["G1"]),
        StoreError.classifierMiscounted(items: 2, tagLists: 1), StoreError.itemWithdrawn(id: 3),
        StoreError.itemNotWithdrawn(id: 3), StoreError.fieldNotOfKind(field: "speaker", kind: .comment),
        StoreError.noParticipantAt(position: 4, hearing: "h"), StoreError.participantHasStatements(name: "Kim", statements: 2),
        StoreError.reassignToSelf(position: 2), StoreError.readOnly(path: "x"), StoreError.readOnlyOutdated(path: "x"),
        StoreError.cannotOpen(path: "x", reason: "gone"), StoreError.busy(path: "x", seconds: 30),
        StoreError.diskFull(path: "x"), ServiceError.nothingSelected(hearing: "h"),
        StoreError.invalid(.unknownState("x", known: ["반영 (accepted)"])), StoreError.invalid(.reasonRequired(state: "미반영")),
        StoreError.invalid(.unknownTimeZone("Mars/Base")), RegisterError.notARegister,
        RegisterError.otherHearing(found: "a", expected: "b"), RegisterError.missingHeadings(row: 2),
        RegisterError.rows([RegisterProblem(row: 3, column: 6, kind: .unknownDecision("x", known: ["반영"]))]),
        ImportError.badMapping("x"), ImportError.unknownField("y"), ImportError.unknownColumn("c", header: ["a"]),
        ImportError.fieldNotForKind(field: "group", kind: .comment), ImportError.noBodyColumn(header: ["a", "b"]),
        ImportError.emptyFile(path: "f.csv"), ImportError.noColumn(role: "label", candidates: ["label"], header: ["a"]),
        ImportError.fieldCount(line: 2, found: 1, expected: 2),
        CSVError.unexpectedAfterQuote(line: 1, column: 2, character: "x"), CSVError.unterminatedQuote(line: 1, column: 1),
        CSVError.invalidByte(line: 1, byteOffset: 5, encoding: "utf-8"), CSVError.unreadable(path: "f", reason: "gone"),
        TemplateError.builtInsMissing(searched: ["/a"]), TemplateError.noTemplates(directory: "/t"),
        ServiceError.cancelled, ServiceError.noGoals(hearing: "h"), ServiceError.noPanel(hearing: "h"),
        ServiceError.unknownEncoding("x", known: ["utf-8"]), ServiceError.unknownTimeZone("Mars"),
        ServiceError.invalidDelimiter("\""), ServiceError.transcript([TranscriptProblem(source: "t", line: 1, message: "m")]),
        ServiceError.unknownTrainingLabels(hearing: "h", goals: ["G1"], unknown: ["X"]),
        RowProblem(line: 3, column: 2, columnName: "votes", kind: .notACount("many")),
    ]

    @Test("No description names a madang command, a flag or an environment variable")
    func neutral() {
        for error in NeutralErrorTests.errors {
            let text = String(describing: error)
            #expect(!text.contains("madang ") && !text.contains("--") && !text.contains("MADANG_"), "\(text)")
        }
    }
}
