import Foundation
import GRDB
import MadangCore

extension Store {
    /// Stores an opinion and returns it as stored, with its id.
    ///
    /// A statement gets the next place in its hearing's speaking order; a
    /// proposal's group is created on first use.
    public func addItem(_ item: Item, filing classify: (@Sendable ([Item]) throws -> [[Tag]])? = nil) throws -> Item {
        try addItems([item], filing: classify)[0]
    }

    /// Stores several opinions in one transaction: all of them, or none. With `classify`
    /// (the hearing's categorizer), they are filed under its goals in the same transaction,
    /// so no opinion is ever stored unfiled.
    ///
    /// `keys`, when given, holds one key per item (or nil) that a front end chose for it
    /// before sending it: an item whose key was stored before is not stored again, and the
    /// item stored then is returned in its place, so a retried entry is never doubled.
    public func addItems(
        _ items: [Item], keys: [String?] = [], filing classify: (@Sendable ([Item]) throws -> [[Tag]])? = nil
    ) throws -> [Item] {
        let items = try items.map { item in try StoreError.checking { () throws(ValidationError) in try item.validated() } }
        return try write { db in
            var inserter = try ItemInserter(db)
            var added: [Int64] = []
            let ids = try items.enumerated().map { index, item in
                let key = index < keys.count ? keys[index] : nil
                if let key, let id = try Int64.fetchOne(db, sql: "SELECT itemId FROM entryKey WHERE key = ?", arguments: [key]) {
                    return id
                }
                guard let id = try inserter.insert(item) else { throw StoreError.unknownItem(id: 0) }
                if let key { try db.execute(sql: "INSERT INTO entryKey (key, itemId) VALUES (?, ?)", arguments: [key, id]) }
                try audit(db, "item.add", entity: "item", id: id, hearing: item.hearingID, details: ["kind": item.kind.rawValue])
                added.append(id)
                return id
            }
            try inserter.finish()
            if let classify, let first = added.min() {
                for hearingID in Set(items.map(\.hearingID)) {
                    _ = try retag(db, hearingID: hearingID, from: first, classify: classify)
                }
            }
            return try ids.map { try Store.item(db, id: $0) }
        }
    }

    /// The items of a hearing: statements in speaking order, then comments and
    /// proposals as they were received.
    ///
    /// - Parameters:
    ///   - goal: only items filed under the goal with this code (by a person, or by the
    ///     machine where no person decided otherwise).
    ///   - withdrawn: also the items taken off the record.
    ///   - offset: how many items to pass over first.
    ///   - limit: the most items to return; nil for all.
    ///   - after: only the items stored since the item with this id, in the order they were
    ///     stored (by id), so that a page that follows the hearing misses none.
    ///   - publicOnly: only comments and proposals, no statements.
    public func items(
        hearingID: Int64, kind: ItemKind? = nil, goal: String? = nil, withdrawn: Bool = false, offset: Int = 0,
        limit: Int? = nil, after: Int64? = nil, publicOnly: Bool = false
    ) throws -> [Item] {
        try read { db in
            var sql = Item.selection + " WHERE item.hearingId = ? AND item.id > ?"
            var arguments: StatementArguments = [hearingID, after ?? 0]
            if publicOnly { sql += " AND item.kind <> 'statement'" }
            if !withdrawn { sql += " AND item.withdrawnAt IS NULL" }
            if let kind {
                sql += " AND item.kind = ?"
                arguments += [kind.rawValue]
            }
            if let goal {
                sql += """
                     AND EXISTS (SELECT 1 FROM tag JOIN policyGoal ON policyGoal.id = tag.goalId
                                 WHERE tag.itemId = item.id AND tag.rejected = 0 AND policyGoal.code = ?)
                    """
                arguments += [goal]
            }
            sql += after != nil ? " ORDER BY item.id" : """
                 ORDER BY CASE item.kind WHEN 'statement' THEN 0 WHEN 'comment' THEN 1 ELSE 2 END,
                          item.speakingOrder, item.receivedAt, item.id
                """
            if limit != nil || offset > 0 {
                sql += " LIMIT ? OFFSET ?"
                arguments += [limit ?? -1, offset]
            }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Item.init(row:))
        }
    }

    /// The item with this id.
    public func item(id: Int64) throws -> Item {
        try read { db in try Store.item(db, id: id) }
    }

    /// Deletes one item, as when an organizer takes back the line just typed.
    public func deleteItem(id: Int64) throws {
        try write { db in
            let item = try Store.item(db, id: id)
            try db.execute(sql: "DELETE FROM item WHERE id = ?", arguments: [id])
            try audit(db, "item.delete", entity: "item", id: id, hearing: item.hearingID,
                      details: ["kind": item.kind.rawValue, "body": item.body])
        }
    }

    static func item(_ db: Database, id: Int64) throws -> Item {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: Item.selection + " WHERE item.id = ?"), arguments: [id]) else {
            throw StoreError.unknownItem(id: id)
        }
        return Item(row: row)
    }
}
