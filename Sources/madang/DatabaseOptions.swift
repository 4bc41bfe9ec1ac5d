import ArgumentParser
import Foundation
import MadangService

/// The `--db` option every command that touches the database takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The database file (default: $MADANG_DB, else ./madang.sqlite).", valueName: "path"))
    var db: String?

    var path: String {
        DatabaseLocation.resolve(option: db, environment: ProcessInfo.processInfo.environment)
    }

    var actor: String {
        DatabaseLocation.actor(environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the existing database.
    func open() async throws -> Workspace {
        try await Workspace.open(at: path, actor: actor)
    }

    /// Opens the database, creating it when there is none.
    func create() async throws -> Workspace {
        try await Workspace.create(at: path, actor: actor)
    }
}

/// The `--json` flag of listings.
struct JSONFlag: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts instead of a table.")
    var json = false
}
