import ArgumentParser
import Foundation
import MadangCore
import MadangService

struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show the audit log: who changed what, and when.",
        discussion: """
            With a hearing, only the changes to it, its panel, its import batches and the items \
            it still holds.

            Examples:
              madang log
              madang log smart-city-plan-4
              madang log smart-city-plan-4 --json
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Only this hearing's changes.") var hearing: String?
    @OptionGroup var output: JSONFlag

    func run() async throws {
        let entries = try await database.open().auditLog(of: hearing)
        if output.json { return try Console.printJSON(entries) }
        guard !entries.isEmpty else { return print("Nothing has changed yet.") }
        var table = TextTable(header: ["WHEN", "WHO", "WHAT", "RECORD", "DETAILS"], maximumCellWidth: 60)
        for entry in entries {
            table.append([
                entry.at.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false)),
                entry.actor, entry.action, "\(entry.entity) \(entry.entityID.map(String.init) ?? "")", entry.details ?? "",
            ])
        }
        print(table.rendered())
    }
}
