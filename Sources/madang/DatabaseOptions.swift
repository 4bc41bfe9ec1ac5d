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
        try await Workspace.open(at: path, actor: actor, onWaiting: DatabaseOptions.waiting(for: path))
    }

    /// Opens the database, creating it when there is none.
    func create() async throws -> Workspace {
        try await Workspace.create(at: path, actor: actor, onWaiting: DatabaseOptions.waiting(for: path))
    }

    /// Says once, on standard error, that a write is waiting for another command's.
    private static func waiting(for path: String) -> @Sendable () -> Void {
        final class Once: @unchecked Sendable {
            private let lock = NSLock()
            private var done = false

            /// True the first time only.
            func first() -> Bool {
                lock.withLock {
                    defer { done = true }
                    return !done
                }
            }
        }
        let once = Once()
        return {
            if once.first() { Console.error("Waiting for another madang command to finish writing to \(path)…") }
        }
    }
}

/// The `--json` flag of listings.
struct JSONFlag: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts instead of a table.")
    var json = false
}
