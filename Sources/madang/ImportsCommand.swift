import ArgumentParser
import Foundation
import MadangCore
import MadangService

struct ImportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports", abstract: "List import batches, or undo one.", subcommands: [List.self, Undo.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List import batches, newest first.",
            discussion: """
                Examples:
                  madang imports list
                  madang imports list smart-city-plan-4 --json
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Only this hearing's batches.") var hearing: String?
        @OptionGroup var output: JSONFlag

        func run() async throws {
            let entries = try await database.open().importBatches(of: hearing)
            if output.json { return try Console.printJSON(entries.map(\.batch)) }
            guard !entries.isEmpty else { return print("No imports yet.") }
            var table = TextTable(header: ["BATCH", "HEARING", "FILE", "KIND", "READ", "IMPORTED", "DUPLICATES", "REJECTED", "WHEN", "STATE"])
            for (batch, slug) in entries.map({ ($0.batch, $0.hearing) }) {
                table.append([
                    String(batch.id), slug, batch.fileName, batch.kind.rawValue,
                    String(batch.rowsRead), String(batch.imported), String(batch.duplicates), String(batch.rejected),
                    batch.importedAt.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false)),
                    batch.undoneAt == nil ? "" : "undone",
                ])
            }
            print(table.rendered())
        }
    }

    struct Undo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove exactly the items one import added.",
            discussion: """
                Examples:
                  madang imports undo 3
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The batch number, from `madang imports list`.") var batch: Int64

        func run() async throws {
            let undone = try await database.open().undoImport(batch)
            var line = "Undid batch \(undone.batch.id) (\(undone.batch.fileName)): removed \(Count.of(undone.removed, "item"))"
            if undone.kept > 0 { line += "; kept \(Count.of(undone.kept, "item")) that a later import also holds" }
            print(line + ".")
        }
    }
}
