import Foundation
import GRDB
import MadangCore

extension Store {
    /// Corrects a stored item and returns it as stored now; the audit log keeps each changed
    /// field before and after. With `classify`, an item whose text changed is filed again
    /// (a person's decisions on it stand).
    ///
    /// - Throws: ``StoreError/itemWithdrawn(id:)``, ``StoreError/fieldNotOfKind(field:kind:)``,
    ///   ``PanelLookupError`` for a speaker the panel does not have, ``StoreError/invalid(_:)``.
    public func editItem(
        id: Int64, _ change: ItemChange, filing classify: (@Sendable ([Item]) throws -> [[Tag]])? = nil
    ) throws -> Item {
        try write { db in
            let old = try Store.item(db, id: id)
            if old.withdrawal != nil { throw StoreError.itemWithdrawn(id: id) }
            var new = old
            func allowed(_ field: String, _ kinds: Set<ItemKind>) throws {
                if !kinds.contains(old.kind) { throw StoreError.fieldNotOfKind(field: field, kind: old.kind) }
            }
            if let body = change.body { new.body = body }
            if let title = change.title {
                try allowed("title", [.comment, .proposal])
                new.title = title
            }
            if let author = change.author {
                try allowed("author", [.comment, .proposal])
                new.author = author
            }
            if let group = change.group {
                try allowed("group", [.proposal])
                new.group = group
            }
            if let supporters = change.supporters {
                try allowed("number of supporters", [.proposal])
                new.supporters = supporters < 0 ? nil : supporters
            }
            if let label = change.speaker {
                try allowed("speaker", [.statement])
                let panel = Panel(try Row.fetchAll(
                    db, sql: "SELECT * FROM participant WHERE hearingId = ?", arguments: [old.hearingID]
                ).map(Participant.init(row:)))
                let speaker = try panel.speaker(labelled: label)
                new.speakerID = speaker.id
                new.speaker = speaker.name
            }
            new = try StoreError.checking { () throws(ValidationError) in try new.validated() }
            let groupID: Int64? = try new.group.map { name in
                try db.execute(
                    sql: "INSERT INTO citizenGroup (name, createdAt) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                    arguments: [name, Timestamp.string(Date())])
                return try Int64.fetchOne(db, sql: "SELECT id FROM citizenGroup WHERE name = ?", arguments: [name]) ?? 0
            }
            try db.execute(sql: """
                UPDATE item SET title = ?, body = ?, speakerId = ?, author = ?, groupId = ?, supporters = ? WHERE id = ?
                """, arguments: [new.title, new.body, new.speakerID, new.author, groupID, new.supporters, id])
            let changes = Store.changes([
                ("title", old.title, new.title), ("text", old.body, new.body), ("speaker", old.speaker, new.speaker),
                ("author", old.author, new.author), ("group", old.group, new.group),
                ("supporters", old.supporters.map(String.init), new.supporters.map(String.init)),
            ])
            guard !changes.isEmpty else { return old }
            try audit(db, "item.edit", entity: "item", id: id, hearing: old.hearingID, details: changes)
            if let classify, old.textParts != new.textParts {
                _ = try retag(db, hearingID: old.hearingID, from: id, through: id, classify: classify)
            }
            return try Store.item(db, id: id)
        }
    }

    /// Moves statement `id` to place `position` in its hearing's speaking order (1 is the
    /// first; a place past the end is the last); the statements between move up or down one.
    /// Returns it as stored now.
    ///
    /// - Throws: ``StoreError/fieldNotOfKind(field:kind:)`` for a comment or proposal.
    public func moveStatement(id: Int64, to position: Int) throws -> Item {
        try write { db in
            let item = try Store.item(db, id: id)
            guard item.kind == .statement, let from = item.speakingOrder else {
                throw StoreError.fieldNotOfKind(field: "speaking order", kind: item.kind)
            }
            let last = try Int.fetchOne(db, sql: "SELECT max(speakingOrder) FROM item WHERE hearingId = ?",
                                        arguments: [item.hearingID]) ?? from
            let to = min(max(1, position), last)
            guard to != from else { return item }
            // The order is unique at every step: the moved statement waits at 0, the others
            // take their new places as negatives, then turn positive.
            try db.execute(sql: "UPDATE item SET speakingOrder = 0 WHERE id = ?", arguments: [id])
            let (low, high, step) = to < from ? (to, from - 1, 1) : (from + 1, to, -1)
            try db.execute(sql: """
                UPDATE item SET speakingOrder = -(speakingOrder + ?) WHERE hearingId = ? AND speakingOrder BETWEEN ? AND ?;
                UPDATE item SET speakingOrder = -speakingOrder WHERE hearingId = ? AND speakingOrder < 0;
                """, arguments: [step, item.hearingID, low, high, item.hearingID])
            try db.execute(sql: "UPDATE item SET speakingOrder = ? WHERE id = ?", arguments: [to, id])
            try audit(db, "item.move", entity: "item", id: id, hearing: item.hearingID,
                      details: ["speakingOrder": "\(from) → \(to)"])
            return try Store.item(db, id: id)
        }
    }

    /// Takes an item off the record: it leaves digests, counts, search and listings, and
    /// its tags are set aside, until ``restoreItem(id:)``. The audit log keeps the reason.
    ///
    /// - Throws: ``StoreError/itemWithdrawn(id:)`` when it already is; ``StoreError/invalid(_:)``
    ///   for an empty reason.
    public func withdrawItem(id: Int64, reason: String) throws -> Item {
        let reason = try StoreError.checking { () throws(ValidationError) in try Text.required(reason, field: "reason") }
        return try write { db in
            let item = try Store.item(db, id: id)
            if item.withdrawal != nil { throw StoreError.itemWithdrawn(id: id) }
            try db.execute(sql: "UPDATE item SET withdrawnAt = ?, withdrawnReason = ? WHERE id = ?",
                           arguments: [Timestamp.string(Date()), reason, id])
            try db.execute(sql: """
                INSERT INTO withdrawnTag (itemId, goalId, source, score, evidence, taggedBy, taggedAt, rejected)
                SELECT itemId, goalId, source, score, evidence, taggedBy, taggedAt, rejected FROM tag WHERE itemId = ?;
                DELETE FROM tag WHERE itemId = ?;
                """, arguments: [id, id])
            try audit(db, "item.withdraw", entity: "item", id: id, hearing: item.hearingID, details: ["reason": reason])
            return try Store.item(db, id: id)
        }
    }

    /// Puts a withdrawn item back on the record, filed under the goals it had.
    ///
    /// - Throws: ``StoreError/itemNotWithdrawn(id:)``.
    public func restoreItem(id: Int64) throws -> Item {
        try write { db in
            let item = try Store.item(db, id: id)
            guard let withdrawal = item.withdrawal else { throw StoreError.itemNotWithdrawn(id: id) }
            try db.execute(sql: """
                INSERT INTO tag (itemId, goalId, source, score, evidence, taggedBy, taggedAt, rejected)
                SELECT itemId, goalId, source, score, evidence, taggedBy, taggedAt, rejected FROM withdrawnTag WHERE itemId = ?;
                DELETE FROM withdrawnTag WHERE itemId = ?;
                UPDATE item SET withdrawnAt = NULL, withdrawnReason = NULL WHERE id = ?;
                """, arguments: [id, id, id])
            try audit(db, "item.restore", entity: "item", id: id, hearing: item.hearingID,
                      details: ["withdrawn": Timestamp.string(withdrawal.at), "reason": withdrawal.reason])
            return try Store.item(db, id: id)
        }
    }

    /// The fields that differ, as "old → new" text for the audit log.
    static func changes(_ fields: [(name: String, old: String?, new: String?)]) -> [String: String] {
        var changes: [String: String] = [:]
        for (name, old, new) in fields where old != new {
            changes[name] = "\(old ?? "") → \(new ?? "")"
        }
        return changes
    }
}
