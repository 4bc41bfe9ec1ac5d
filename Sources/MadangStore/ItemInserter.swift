import Foundation
import GRDB
import MadangCore

/// Inserts items inside a write transaction with one prepared statement, keeping
/// the speaking order and the groups' ids as it goes. The one place items are written.
///
/// Its owner calls ``finish()`` before the transaction commits, which adds the new
/// items to the search index in one statement.
public struct ItemInserter {
    private let db: Database
    private let statement: Statement
    /// Every item this inserter adds gets a larger id than this: the transaction is immediate.
    let lastIDBefore: Int64
    private let batchID: Int64?
    private var groupIDs: [String: Int64] = [:]
    private var nextSpeakingOrder: [Int64: Int] = [:]
    private let createdAt = Timestamp.string(Date())
    private var occurrences: Occurrence.Claims

    init(_ db: Database, batchID: Int64? = nil) throws {
        self.db = db
        self.batchID = batchID
        occurrences = Occurrence.Claims(db)
        lastIDBefore = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM item") ?? 0
        statement = try db.makeStatement(sql: """
            INSERT INTO item (hearingId, kind, title, body, speakerId, speakingOrder, author, authorEmail,
                              authorPhone, groupId, supporters, channel, source, sourceFile, sourceLine,
                              receivedAt, createdAt, batchId, fingerprint, externalId)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (hearingId, fingerprint) WHERE fingerprint IS NOT NULL DO NOTHING
            """)
    }

    /// Stores a validated item. Returns its id, or nil when the hearing holds it already
    /// from an earlier import.
    ///
    /// Identical rows of one file are each a submission of their own (a postcard
    /// campaign, anonymous letters): the k-th of them is stored under its fingerprint
    /// marked with k (``Occurrence``). A row whose k-th fingerprint an earlier import
    /// stored is that import's row: this batch records that it holds it too, and adds nothing.
    public mutating func insert(_ item: Item, fingerprint: [UInt8]? = nil) throws -> Int64? {
        guard let fingerprint, let batchID else { return try store(item, fingerprint: fingerprint) }
        var occurrence = 1
        while true {
            let marked = Occurrence.fingerprint(fingerprint, occurrence)
            if let id = try store(item, fingerprint: marked) { return id }
            // That fingerprint is taken: by an earlier row of this file, or by another import.
            let holder = try Row.fetchOne(db, sql: "SELECT id, batchId FROM item WHERE hearingId = ? AND fingerprint = ?",
                                          arguments: [item.hearingID, Data(marked)])
            if let holder, holder[1] as Int64? != batchID, try occurrences.claim(marked, item: holder[0], batch: batchID) {
                return nil
            }
            occurrence += 1
        }
    }

    private mutating func store(_ item: Item, fingerprint: [UInt8]?) throws -> Int64? {
        var speakingOrder: Int?
        if item.kind == .statement, let speakerID = item.speakerID {
            let speakerHearing = try Int64.fetchOne(
                db, sql: "SELECT hearingId FROM participant WHERE id = ?", arguments: [speakerID])
            guard speakerHearing == item.hearingID else { throw StoreError.unknownParticipant(id: speakerID) }
            speakingOrder = try nextOrder(in: item.hearingID)
        }
        var file: String?, line: Int?
        if case .imported(let f, let l) = item.provenance { (file, line) = (f, l) }
        var groupID: Int64?
        if let group = item.group { groupID = try self.groupID(group) }
        statement.setUncheckedArguments([
            item.hearingID, item.kind.rawValue, item.title, item.body, item.speakerID, speakingOrder,
            item.author, item.contact.email, item.contact.phone, groupID, item.supporters,
            item.channel?.rawValue, item.provenance.source, file, line,
            Timestamp.string(item.receivedAt), createdAt, batchID, fingerprint.map { Data($0) }, item.externalID,
        ])
        try statement.execute()
        guard db.changesCount > 0 else { return nil }
        if let speakingOrder { nextSpeakingOrder[item.hearingID] = speakingOrder + 1 }
        return db.lastInsertedRowID
    }

    /// Adds every item inserted so far to the full-text index.
    func finish() throws {
        try occurrences.finish()
        try db.execute(
            sql: "INSERT INTO itemSearch(rowid, title, body) SELECT id, title, body FROM item WHERE id > ?",
            arguments: [lastIDBefore])
    }

    private mutating func nextOrder(in hearingID: Int64) throws -> Int {
        if let next = nextSpeakingOrder[hearingID] { return next }
        let next = try Int.fetchOne(
            db, sql: "SELECT coalesce(max(speakingOrder), 0) + 1 FROM item WHERE hearingId = ?",
            arguments: [hearingID]) ?? 1
        nextSpeakingOrder[hearingID] = next
        return next
    }

    private mutating func groupID(_ name: String) throws -> Int64 {
        if let id = groupIDs[name] { return id }
        try db.execute(
            sql: "INSERT INTO citizenGroup (name, createdAt) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
            arguments: [name, createdAt])
        let id = try Int64.fetchOne(db, sql: "SELECT id FROM citizenGroup WHERE name = ?", arguments: [name]) ?? 0
        groupIDs[name] = id
        return id
    }
}
