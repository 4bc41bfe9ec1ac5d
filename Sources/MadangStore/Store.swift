import Foundation
import GRDB
import MadangCore

/// The Madang database: one SQLite file that holds hearings, their panels and
/// every opinion, with an audit log of each change.
///
/// Every write runs in its own `BEGIN IMMEDIATE` transaction, so a crash leaves
/// the file as it was before the write, and two `madang` processes writing at
/// once take turns (WAL mode and a busy timeout) instead of failing. Reads run on
/// a pool of their own connections and see the last committed state: within one
/// process a listing or a search answers while a long import is still writing.
///
/// ```swift
/// let store = try Store.create(at: "madang.sqlite", actor: "organizer")
/// let hearing = try store.addHearing(Hearing(slug: "smart-city-plan-4", title: "4th Smart City Plan"))
/// ```
public struct Store: Sendable {
    /// The file the store lives in.
    public let path: String
    /// The name written in the audit log for every change made through this store.
    public let actor: String
    /// True when the file can only be read (it, its folder or its disk is read-only):
    /// every read works, and every write throws ``StoreError/readOnly(path:)``.
    public let isReadOnly: Bool
    /// A pool of connections; one read-only connection for a read-only file.
    let pool: any DatabaseWriter

    /// How long a write waits for another process's write to finish: longer than any
    /// import or categorizing run takes, so a short write made meanwhile waits its turn
    /// instead of failing.
    static let busyTimeout: TimeInterval = 600
    /// How long a write waits before `onWaiting` is called.
    static let waitNotice: TimeInterval = 1

    /// Opens the database at `path`, creating the file if there is none, and brings
    /// its schema up to date.
    ///
    /// - Parameter onWaiting: called when a write has waited a second for another
    ///   process's write to finish (it goes on waiting), so a front end can say so.
    public static func create(at path: String, actor: String, onWaiting: @escaping @Sendable () -> Void = {}) throws -> Store {
        try Store(path: path, actor: actor, mustExist: false, onWaiting: onWaiting)
    }

    /// Opens an existing database, bringing an older schema up to date.
    ///
    /// - Throws: ``StoreError/noDatabase(path:)`` when there is no file at `path`.
    public static func open(at path: String, actor: String, onWaiting: @escaping @Sendable () -> Void = {}) throws -> Store {
        try Store(path: path, actor: actor, mustExist: true, onWaiting: onWaiting)
    }

    private init(path: String, actor: String, mustExist: Bool, onWaiting: @escaping @Sendable () -> Void) throws {
        if mustExist, !FileManager.default.fileExists(atPath: path) {
            throw StoreError.noDatabase(path: path)
        }
        var configuration = Configuration()
        // SQLite calls this each time the lock it wants is held by another connection;
        // it sleeps 10 ms a time, so the number of tries tells how long it has waited.
        let step: TimeInterval = 0.01
        configuration.busyMode = .callback { tries in
            if tries == Int32(Store.waitNotice / step) { onWaiting() }
            guard Double(tries) * step < Store.busyTimeout else { return false }
            usleep(UInt32(step * 1_000_000))
            return true
        }
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            db.add(tokenizer: SearchIndexTokenizer.self)
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A new file gets 16 KiB pages before the pool turns WAL on (an existing one
            // keeps its own): an import of a million rows, with its search index, took
            // 38.6 s instead of 44 s with the default 4 KiB (8 KiB: 41.8 s, 32 KiB: 39.6 s).
            if try Int.fetchOne(db, sql: "PRAGMA page_count") == 0 {
                try db.execute(sql: "PRAGMA page_size = 16384")
            }
        }
        self.path = path
        self.actor = actor
        isReadOnly = FileManager.default.fileExists(atPath: path) && !FileManager.default.isWritableFile(atPath: path)
        // Processes opening the file at once take turns, so the first command after an
        // upgrade migrates it once and the others find it done.
        let turn = FolderLock(folder: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        defer { turn.release() }
        do {
            try Store.checkIsMadang(path)
            if isReadOnly {
                configuration.readonly = true
                pool = try DatabaseQueue(path: path, configuration: configuration)
            } else {
                pool = try DatabasePool(path: path, configuration: configuration)
            }
            try Store.migrate(pool, path: path, readOnly: isReadOnly)
        } catch let error as DatabaseError {
            throw Store.translated(error, path: path)
        }
    }

    /// A database error as a ``StoreError`` that says what happened to the file, where
    /// one fits; other errors (a bug's, such as a failed constraint) as they are.
    static func translated(_ error: DatabaseError, path: String) -> any Error {
        switch error.resultCode {
        case .SQLITE_NOTADB: StoreError.notMadangDatabase(path: path, reason: "not an SQLite file")
        case .SQLITE_READONLY: StoreError.readOnly(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: StoreError.busy(path: path, seconds: Int(Store.busyTimeout))
        case .SQLITE_FULL: StoreError.diskFull(path: path)
        case .SQLITE_CANTOPEN:
            StoreError.cannotOpen(path: path, reason: FileManager.default.fileExists(
                atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
                ? "the file or its folder cannot be read or written" : "its folder does not exist")
        case .SQLITE_IOERR, .SQLITE_PERM, .SQLITE_AUTH:
            StoreError.cannotOpen(path: path, reason: "the system refused to read or write it (\(error.message ?? "input/output error"))")
        default: error
        }
    }

    /// Refuses a file of another program before anything is changed in it (opening it
    /// for writing would switch it to WAL mode): it is read through a read-only connection.
    private static func checkIsMadang(_ path: String) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
        guard size > 0 else { return }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(Store.busyTimeout)
        let probe = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? probe.close() }
        let foreign = try probe.read { db in
            let tableCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            return try !db.tableExists("grdb_migrations") && tableCount > 0
        }
        if foreign { throw StoreError.notMadangDatabase(path: path, reason: "it holds tables of another program") }
    }

    private init(path: String, actor: String, isReadOnly: Bool, pool: any DatabaseWriter) {
        self.path = path
        self.actor = actor
        self.isReadOnly = isReadOnly
        self.pool = pool
    }

    /// The same store, with `actor` written in the audit log for the changes made
    /// through it: one open file can serve many people.
    public func acting(as actor: String) -> Store {
        Store(path: path, actor: actor, isReadOnly: isReadOnly, pool: pool)
    }

    private static func migrate(_ pool: any DatabaseWriter, path: String, readOnly: Bool) throws {
        let migrator = Schema.migrator
        // Another program's file was refused before the pool opened it (checkIsMadang).
        let (complete, superseded) = try pool.read { db in
            (try migrator.hasCompletedMigrations(db), try migrator.hasBeenSuperseded(db))
        }
        if superseded { throw StoreError.newerSchema(path: path) }
        if complete { return }
        if readOnly { throw StoreError.readOnlyOutdated(path: path) }
        try migrator.migrate(pool)
    }

    /// The names of the applied schema migrations, oldest first.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try Schema.migrator.appliedMigrations(db) }
    }

    /// Runs `body` in an immediate transaction: all of it is stored, or none; with
    /// `rollingBack`, none in any case (a dry run that checks everything a write would).
    func write<T>(rollingBack: Bool = false, _ body: (Database) throws -> T) throws -> T {
        try writer { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return rollingBack ? .rollback : .commit
            }
            return result!
        }
    }

    /// Runs `body` on the writing connection, outside any transaction; a read-only file
    /// refuses at once, and the file's own faults are told as ``StoreError``s.
    func writer<T>(_ body: (Database) throws -> T) throws -> T {
        if isReadOnly { throw StoreError.readOnly(path: path) }
        do {
            return try pool.writeWithoutTransaction(body)
        } catch let error as DatabaseError {
            throw Store.translated(error, path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw Store.translated(error, path: path)
        }
    }

    /// Adds a line to the audit log, inside the caller's transaction.
    func audit(
        _ db: Database, _ action: String, entity: String, id: Int64?, hearing: Int64? = nil, details: [String: String] = [:]
    ) throws {
        let json = details.isEmpty ? nil : String(decoding: try JSONEncoder.sorted.encode(details), as: UTF8.self)
        try db.execute(
            sql: "INSERT INTO auditLog (at, actor, action, entity, entityId, details, hearingId) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [Timestamp.string(Date()), actor, action, entity, id, json, hearing ?? (entity == "hearing" ? id : nil)])
    }

    /// The audit log, oldest first; with `hearingID`, only the changes to that hearing, its
    /// panel, its import batches and its items, those removed since included.
    public func auditLog(hearingID: Int64? = nil) throws -> [AuditEntry] {
        try read { db in
            let rows = if let hearingID {
                try Row.fetchAll(db, sql: """
                    SELECT * FROM auditLog WHERE hearingId = ?1
                        OR (entity = 'hearing' AND entityId = ?1)
                        OR (entity = 'item' AND entityId IN (SELECT id FROM item WHERE hearingId = ?1))
                        OR (entity = 'participant' AND entityId IN (SELECT id FROM participant WHERE hearingId = ?1))
                        OR (entity = 'importBatch' AND entityId IN (SELECT id FROM importBatch WHERE hearingId = ?1))
                    ORDER BY id
                    """, arguments: [hearingID])
            } else {
                try Row.fetchAll(db, sql: "SELECT * FROM auditLog ORDER BY id")
            }
            return rows.map { row in
                AuditEntry(
                    at: Timestamp.date(row["at"]) ?? Date(timeIntervalSince1970: 0),
                    actor: row["actor"], action: row["action"], entity: row["entity"],
                    entityID: row["entityId"], details: row["details"])
            }
        }
    }
}

extension JSONEncoder {
    /// An encoder with stable key order, for text stored in the database.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
