import Dispatch
import Foundation
import MadangCore
import MadangStore

/// One Madang database and the person acting on it: the door every front end (the
/// command line, a web server, an agency's own Swift program) goes through.
///
/// Every use case is an `async` method. The work underneath (SQLite, files) blocks,
/// so it runs on threads of its own, never on Swift's cooperative pool; reads run on
/// their own connections and see the last committed state, so a listing or a search
/// answers while an import or a categorizing run is still writing.
///
/// ```swift
/// let workspace = try await Workspace.create(at: "madang.sqlite", actor: "organizer")
/// let hearing = try await workspace.addHearing(Hearing(slug: "plan-4", title: "4th Smart City Plan"))
/// let clerk = workspace.acting(as: "clerk@city")   // the same file, another name in the audit log
/// ```
public struct Workspace: Sendable {
    let store: Store

    /// The database file.
    public var path: String { store.path }
    /// The name the audit log records for the changes made through this workspace.
    public var actor: String { store.actor }

    init(store: Store) {
        self.store = store
    }

    /// Opens an existing database, bringing an older schema up to date.
    ///
    /// - Throws: ``StoreError/noDatabase(path:)`` when there is no file at `path`.
    ///
    /// A write waits as long as another process's write holds the file (up to ten minutes);
    /// `onWaiting` is called when one has waited a second, so a front end can say so.
    public static func open(
        at path: String, actor: String, onWaiting: @escaping @Sendable () -> Void = {}
    ) async throws -> Workspace {
        try await Workspace.blocking { Workspace(store: try Store.open(at: path, actor: actor, onWaiting: onWaiting)) }
    }

    /// Opens the database at `path`, creating it when there is none.
    public static func create(
        at path: String, actor: String, onWaiting: @escaping @Sendable () -> Void = {}
    ) async throws -> Workspace {
        try await Workspace.blocking { Workspace(store: try Store.create(at: path, actor: actor, onWaiting: onWaiting)) }
    }

    /// The same workspace, with `actor` written in the audit log for every change made
    /// through it: a server opens the file once and acts for each person who signs in.
    public func acting(as actor: String) -> Workspace {
        Workspace(store: store.acting(as: actor))
    }

    /// The names of the schema migrations applied to the file, oldest first.
    public func appliedMigrations() async throws -> [String] {
        try await run { store in try store.appliedMigrations() }
    }

    /// The audit log, oldest first: all of it, or the changes to one hearing, its panel, its
    /// import batches and the items it still holds.
    public func auditLog(of slug: String? = nil) async throws -> [AuditEntry] {
        try await run { store in try store.auditLog(hearingID: try slug.map { try store.hearing(slug: $0).id ?? 0 }) }
    }

    /// Runs blocking work with the store on a thread of its own.
    func run<T: Sendable>(_ work: @escaping @Sendable (Store) throws -> T) async throws -> T {
        let store = self.store
        return try await Workspace.blocking { try work(store) }
    }

    /// Runs blocking work that checks `cancelled` as it goes; cancelling the calling
    /// task sets it.
    func runCancellable<T: Sendable>(
        _ work: @escaping @Sendable (Store, _ cancelled: CancellationFlag) throws -> T
    ) async throws -> T {
        let flag = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await run { store in try work(store, flag) }
        } onCancel: {
            flag.cancel()
        }
    }

    /// Runs `work` on a dispatch queue, outside Swift's cooperative thread pool, and
    /// resumes the caller with its result.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    private static let queue = DispatchQueue(label: "madang.workspace", qos: .userInitiated, attributes: .concurrent)
}
