import ArgumentParser
import Foundation
import MadangDigest
import MadangStore

struct ImportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports", abstract: "List import batches, or undo one.", subcommands: [List.self, Undo.self])

    struct List: ParsableCommand {
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

        func run() throws {
            let store = try database.open()
            let batches = try store.importBatches(hearingID: try hearing.map { try store.hearing(slug: $0).id ?? 0 })
            if output.json { return try Console.printJSON(batches) }
            guard !batches.isEmpty else { return print("No imports yet.") }
            let slugs = Dictionary(uniqueKeysWithValues: try store.hearings().map { ($0.id ?? 0, $0.slug) })
            var table = TextTable(header: ["BATCH", "HEARING", "FILE", "KIND", "READ", "IMPORTED", "DUPLICATES", "REJECTED", "WHEN", "STATE"])
            for batch in batches {
                table.append([
                    String(batch.id), slugs[batch.hearingID] ?? "", batch.fileName, batch.kind.rawValue,
                    String(batch.rowsRead), String(batch.imported), String(batch.duplicates), String(batch.rejected),
                    batch.importedAt.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false)),
                    batch.undoneAt == nil ? "" : "undone",
                ])
            }
            print(table.rendered())
        }
    }

    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove exactly the items one import added.",
            discussion: """
                Examples:
                  madang imports undo 3
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The batch number, from `madang imports list`.") var batch: Int64

        func run() throws {
            let (batch, removed) = try database.open().undoBatch(id: batch)
            print("Undid batch \(batch.id) (\(batch.fileName)): removed \(removed) items.")
        }
    }
}
