import Foundation
import GRDB
import MadangCore

extension Store {
    /// Stores an opinion and returns it as stored, with its id.
    ///
    /// A statement gets the next place in its hearing's speaking order; a
    /// proposal's group is created on first use.
    public func addItem(_ item: Item) throws -> Item {
        try addItems([item])[0]
    }

    /// Stores several opinions in one transaction: all of them, or none.
    public func addItems(_ items: [Item]) throws -> [Item] {
        let items = try items.map { item in try StoreError.checking { () throws(ValidationError) in try item.validated() } }
        return try write { db in
            try items.map { item in
                let id = try insert(item, db)
                return try Store.item(db, id: id)
            }
        }
    }

    /// The items of a hearing: statements in speaking order, then comments and
    /// proposals as they were received.
    public func items(hearingID: Int64, kind: ItemKind? = nil) throws -> [Item] {
        try read { db in
            var sql = Item.selection + " WHERE item.hearingId = ?"
            var arguments: StatementArguments = [hearingID]
            if let kind {
                sql += " AND item.kind = ?"
                arguments += [kind.rawValue]
            }
            sql += """
                 ORDER BY CASE item.kind WHEN 'statement' THEN 0 WHEN 'comment' THEN 1 ELSE 2 END,
                          item.speakingOrder, item.receivedAt, item.id
                """
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
            try audit(db, "item.delete", entity: "item", id: id,
                      details: ["kind": item.kind.rawValue, "body": item.body])
        }
    }

    private func insert(_ item: Item, _ db: Database) throws -> Int64 {
        var speakingOrder: Int?
        if item.kind == .statement, let speakerID = item.speakerID {
            let speakerHearing = try Int64.fetchOne(
                db, sql: "SELECT hearingId FROM participant WHERE id = ?", arguments: [speakerID])
            guard speakerHearing == item.hearingID else { throw StoreError.unknownParticipant(id: speakerID) }
            speakingOrder = try Int.fetchOne(
                db, sql: "SELECT coalesce(max(speakingOrder), 0) + 1 FROM item WHERE hearingId = ?",
                arguments: [item.hearingID])
        }
        var groupID: Int64?
        if let group = item.group {
            try db.execute(
                sql: "INSERT INTO citizenGroup (name, createdAt) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                arguments: [group, Timestamp.string(Date())])
            groupID = try Int64.fetchOne(db, sql: "SELECT id FROM citizenGroup WHERE name = ?", arguments: [group])
        }
        var file: String?, line: Int?
        if case .imported(let f, let l) = item.provenance { (file, line) = (f, l) }
        try db.execute(sql: """
            INSERT INTO item (hearingId, kind, title, body, speakerId, speakingOrder, author, authorEmail,
                              authorPhone, groupId, supporters, channel, source, sourceFile, sourceLine,
                              receivedAt, createdAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                item.hearingID, item.kind.rawValue, item.title, item.body, item.speakerID, speakingOrder,
                item.author, item.contact.email, item.contact.phone, groupID, item.supporters,
                item.channel?.rawValue, item.provenance.source, file, line,
                Timestamp.string(item.receivedAt), Timestamp.string(Date()),
            ])
        let id = db.lastInsertedRowID
        try audit(db, "item.add", entity: "item", id: id, details: ["kind": item.kind.rawValue])
        return id
    }

    static func item(_ db: Database, id: Int64) throws -> Item {
        guard let row = try Row.fetchOne(db, sql: Item.selection + " WHERE item.id = ?", arguments: [id]) else {
            throw StoreError.unknownItem(id: id)
        }
        return Item(row: row)
    }
}
