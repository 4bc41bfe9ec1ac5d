import ArgumentParser
import Foundation

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the database, or bring an existing one up to date.",
        discussion: """
            Examples:
              madang init
              madang init --db hearings/2024.sqlite
            """)

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let existed = FileManager.default.fileExists(atPath: database.path)
        let workspace = try await database.create()
        if existed {
            print("\(workspace.path) is ready (schema up to date: \(try await workspace.appliedMigrations().count) migrations).")
        } else {
            print("Created \(workspace.path). Next: madang hearing add SLUG --title TITLE")
        }
    }
}
