import Foundation
import GRDB
import MadangCore

extension Store {
    /// Runs one import as one transaction: `rows` stores every row through the
    /// inserter it is given and returns the counts; then the batch is kept, or
    /// rolled back when `keep` says so (a dry run, or a strict import with bad rows).
    /// A crash at any point leaves the database as it was before.
    ///
    /// - Throws: ``StoreError/alreadyImported(_:)`` when this hearing already holds
    ///   a batch of the same file; nothing is stored then.
    /// - Returns: the batch as recorded (or as it would have been), and whether it was kept.
    ///
    /// With `classify` (the hearing's categorizer), the new items are filed under its goals
    /// in the same transaction.
    public func importBatch(
        _ source: ImportBatchSource, keep: (ImportBatchCounts) -> Bool,
        filing classify: (@Sendable ([Item]) throws -> [[Tag]])? = nil,
        rows: (inout ItemInserter) throws -> ImportBatchCounts
    ) throws -> (batch: ImportBatch, kept: Bool) {
        try writer { db in
            // A bigger page cache for the import's transaction: the fingerprint index
            // takes rows in hash order, and with the default 2 MB cache most inserts
            // wrote a page out (1M rows: 47 s → 43 s; peak memory stays under 64 MB).
            try db.execute(sql: "PRAGMA cache_size = -16000")
            var outcome: (ImportBatch, Bool)?
            try db.inTransaction(.immediate) {
                let now = Date()
                try db.execute(sql: """
                    INSERT INTO importBatch (hearingId, kind, fileName, sha256, encoding, delimiter, importedAt, actor)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [source.hearingID, source.kind.rawValue, source.fileName, "pending \(UUID())",
                                     source.encoding, source.delimiter, Timestamp.string(now), actor])
                let batchID = db.lastInsertedRowID
                var inserter = try ItemInserter(db, batchID: batchID)
                let counts = try rows(&inserter)
                try inserter.finish()
                if let earlier = try Row.fetchOne(db, sql: """
                    SELECT * FROM importBatch WHERE hearingId = ? AND sha256 = ? AND undoneAt IS NULL
                    """, arguments: [source.hearingID, counts.sha256]) {
                    throw StoreError.alreadyImported(try ImportBatch(row: earlier))
                }
                let kept = keep(counts)
                if kept, let classify {
                    _ = try retag(db, hearingID: source.hearingID, from: inserter.lastIDBefore + 1, classify: classify)
                }
                try db.execute(sql: """
                    UPDATE importBatch SET sha256 = ?, rowsRead = ?, imported = ?, duplicates = ?, rejected = ?
                    WHERE id = ?
                    """, arguments: [counts.sha256, counts.rowsRead, counts.imported, counts.duplicates,
                                     counts.rejected, batchID])
                try audit(db, "import", entity: "importBatch", id: batchID, hearing: source.hearingID, details: [
                    "file": source.fileName, "sha256": counts.sha256, "imported": String(counts.imported),
                    "duplicates": String(counts.duplicates), "rejected": String(counts.rejected),
                ])
                let batch = try ImportBatch(row: try Row.fetchOne(
                    db, sql: "SELECT * FROM importBatch WHERE id = ?", arguments: [batchID])!)
                outcome = (batch, kept)
                return kept ? .commit : .rollback
            }
            return outcome!
        }
    }

    /// The import batches, of one hearing or of all, newest first.
    public func importBatches(hearingID: Int64? = nil) throws -> [ImportBatch] {
        try read { db in
            let rows = if let hearingID {
                try Row.fetchAll(db, sql: "SELECT * FROM importBatch WHERE hearingId = ? ORDER BY id DESC",
                                 arguments: [hearingID])
            } else {
                try Row.fetchAll(db, sql: "SELECT * FROM importBatch ORDER BY id DESC")
            }
            return try rows.map(ImportBatch.init(row:))
        }
    }

    /// Removes exactly what batch `id` contributed, and marks the batch undone, so the
    /// same file can be imported again. The items it added go (with their tags), except
    /// those a later import also holds (it found them already stored): they stay, as that
    /// import's own.
    ///
    /// - Returns: the batch, how many items were removed, and how many were kept.
    public func undoBatch(id: Int64) throws -> (batch: ImportBatch, removed: Int, kept: Int) {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM importBatch WHERE id = ?", arguments: [id]) else {
                throw StoreError.unknownBatch(id: id)
            }
            var batch = try ImportBatch(row: row)
            if batch.undoneAt != nil { throw StoreError.batchAlreadyUndone(batch) }
            try db.execute(sql: """
                UPDATE item SET batchId = (SELECT min(batchId) FROM itemBatch WHERE itemId = item.id AND batchId <> ?1)
                WHERE batchId = ?1 AND EXISTS (SELECT 1 FROM itemBatch WHERE itemId = item.id AND batchId <> ?1)
                """, arguments: [id])
            let kept = db.changesCount
            if kept > 0 {
                // An import that now owns a row no longer needs to say that it holds it.
                try db.execute(sql: """
                    DELETE FROM itemBatch WHERE batchId = (SELECT item.batchId FROM item WHERE item.id = itemBatch.itemId)
                    """)
            }
            try db.execute(sql: "DELETE FROM itemBatch WHERE batchId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM item WHERE batchId = ?", arguments: [id])
            let removed = db.changesCount
            let now = Date()
            try db.execute(sql: "UPDATE importBatch SET undoneAt = ? WHERE id = ?", arguments: [Timestamp.string(now), id])
            try audit(db, "import.undo", entity: "importBatch", id: id, hearing: batch.hearingID,
                      details: ["file": batch.fileName, "removed": String(removed), "kept": String(kept)])
            batch.undoneAt = now
            return (batch, removed, kept)
        }
    }
}

extension ImportBatch {
    init(row: Row) throws {
        let kindText: String = row["kind"]
        let undone: String? = row["undoneAt"]
        self.init(
            id: row["id"], hearingID: row["hearingId"], kind: ItemKind(rawValue: kindText) ?? .comment,
            fileName: row["fileName"], sha256: row["sha256"], encoding: row["encoding"], delimiter: row["delimiter"],
            rowsRead: row["rowsRead"], imported: row["imported"], duplicates: row["duplicates"],
            rejected: row["rejected"], importedAt: Timestamp.date(row["importedAt"]) ?? Date(timeIntervalSince1970: 0),
            actor: row["actor"], undoneAt: undone.flatMap(Timestamp.date))
    }
}
