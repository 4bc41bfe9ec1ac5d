import Foundation
import GRDB

/// Which of a file's identical rows a row is. The first of them is stored under the
/// row's fingerprint; the k-th (k > 1) under the fingerprint with k mixed into its last
/// four bytes, so a later export that repeats a file's six identical postcards and adds
/// two more adds exactly those two.
enum Occurrence {
    /// The fingerprint of the `occurrence`-th identical row (from 1).
    static func fingerprint(_ base: [UInt8], _ occurrence: Int) -> [UInt8] {
        guard occurrence > 1, base.count >= 4 else { return base }
        var marked = base
        let k = UInt32(truncatingIfNeeded: occurrence)
        for (offset, shift) in [24, 16, 8, 0].enumerated() {
            marked[base.count - 4 + offset] ^= UInt8(truncatingIfNeeded: k >> UInt32(shift))
        }
        return marked
    }

    /// The rows of earlier imports that this import's rows turned out to be: each can be
    /// claimed once, by one row of the file, and the batch is recorded as holding it.
    /// Kept in a temporary table, so an import that repeats a million rows stays in
    /// constant memory; a first import, which repeats nothing, never touches it.
    struct Claims {
        private let db: Database
        private var created = false

        init(_ db: Database) {
            self.db = db
        }

        /// Claims the earlier row `item` with fingerprint `fingerprint` for `batch`; false
        /// when another row of this file claimed it first.
        mutating func claim(_ fingerprint: [UInt8], item: Int64, batch: Int64) throws -> Bool {
            if !created {
                try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS claimedFingerprint (fingerprint BLOB PRIMARY KEY) WITHOUT ROWID")
                try db.execute(sql: "DELETE FROM temp.claimedFingerprint")
                created = true
            }
            try db.execute(sql: "INSERT INTO temp.claimedFingerprint VALUES (?) ON CONFLICT DO NOTHING", arguments: [Data(fingerprint)])
            guard db.changesCount > 0 else { return false }
            try db.execute(sql: "INSERT INTO itemBatch (batchId, itemId) VALUES (?, ?) ON CONFLICT DO NOTHING", arguments: [batch, item])
            return true
        }

        /// Forgets the claims, at the end of the import.
        func finish() throws {
            if created { try db.execute(sql: "DROP TABLE temp.claimedFingerprint") }
        }
    }
}
