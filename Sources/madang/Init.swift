import ArgumentParser
import Foundation
import MadangStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the database, or bring an existing one up to date.",
        discussion: """
            Examples:
              madang init
              madang init --db hearings/2024.sqlite
            """)

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let existed = FileManager.default.fileExists(atPath: database.path)
        let store = try database.create()
        if existed {
            print("\(store.path) is ready (schema up to date: \(try store.appliedMigrations().count) migrations).")
        } else {
            print("Created \(store.path). Next: madang hearing add SLUG --title TITLE")
        }
    }
}
