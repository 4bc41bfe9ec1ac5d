import Foundation
import GRDB
import MadangCore

extension Store {
    /// Stores a new hearing and returns it with its id.
    ///
    /// - Throws: ``StoreError/duplicateHearing(slug:)`` when the slug is taken.
    public func addHearing(_ hearing: Hearing) throws -> Hearing {
        let hearing = try validated(hearing)
        return try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM hearing WHERE slug = ?", arguments: [hearing.slug]) == true {
                throw StoreError.duplicateHearing(slug: hearing.slug)
            }
            try db.execute(sql: """
                INSERT INTO hearing (slug, title, kind, startsAt, venue, organizers, plan,
                                     attendanceInPerson, attendanceOnline, language, timeZone, commentsOpen,
                                     commentsClose, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: try Store.columns(of: hearing) + [Timestamp.string(Date())])
            var stored = hearing
            stored.id = db.lastInsertedRowID
            try audit(db, "hearing.add", entity: "hearing", id: stored.id, details: ["slug": hearing.slug])
            return stored
        }
    }

    /// Every hearing, the most recent first (undated ones last).
    public func hearings() throws -> [Hearing] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM hearing ORDER BY startsAt IS NULL, startsAt DESC, id DESC")
                .map(Hearing.init(row:))
        }
    }

    /// The hearing called `slug`.
    ///
    /// - Throws: ``StoreError/unknownHearing(slug:existing:)`` naming the hearings there are.
    public func hearing(slug: String) throws -> Hearing {
        try read { db in try Store.hearing(db, slug: slug) }
    }

    /// Changes a hearing in place: `change` gets the stored hearing and edits it.
    ///
    /// ```swift
    /// try store.updateHearing(slug: "smart-city-plan-4") { $0.attendanceOnline = 1200 }
    /// ```
    public func updateHearing(slug: String, _ change: (inout Hearing) throws -> Void) throws -> Hearing {
        try write { db in
            let old = try Store.hearing(db, slug: slug)
            var new = old
            try change(&new)
            new.id = old.id
            new = try validated(new)
            if new.slug != old.slug,
               try Bool.fetchOne(db, sql: "SELECT 1 FROM hearing WHERE slug = ?", arguments: [new.slug]) == true {
                throw StoreError.duplicateHearing(slug: new.slug)
            }
            try db.execute(sql: """
                UPDATE hearing SET slug = ?, title = ?, kind = ?, startsAt = ?, venue = ?, organizers = ?,
                                   plan = ?, attendanceInPerson = ?, attendanceOnline = ?, language = ?, timeZone = ?,
                                   commentsOpen = ?, commentsClose = ?
                WHERE id = ?
                """, arguments: try Store.columns(of: new) + [old.id])
            try audit(db, "hearing.edit", entity: "hearing", id: old.id, details: Store.changes(from: old, to: new))
            return new
        }
    }

    /// Deletes a hearing with its panel, items, goals and tags. Returns false when there was none.
    @discardableResult
    public func deleteHearing(slug: String) throws -> Bool {
        try write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM hearing WHERE slug = ?", arguments: [slug]) else {
                return false
            }
            // Statements refer to participants; remove items first so the panel can go.
            try db.execute(sql: "DELETE FROM item WHERE hearingId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM hearing WHERE id = ?", arguments: [id])
            try audit(db, "hearing.delete", entity: "hearing", id: id, details: ["slug": slug])
            return true
        }
    }

    /// How many items of each kind a hearing has, leaving out those withdrawn.
    public func itemCounts(hearingID: Int64) throws -> [ItemKind: Int] {
        try read { db in
            var counts: [ItemKind: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT kind, count(*) AS n FROM item WHERE hearingId = ? AND withdrawnAt IS NULL GROUP BY kind", arguments: [hearingID])
            {
                if let kind = ItemKind(rawValue: row["kind"]) { counts[kind] = row["n"] }
            }
            return counts
        }
    }

    static func hearing(_ db: Database, slug: String) throws -> Hearing {
        // Cached: a web server reads the hearing for each request.
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM hearing WHERE slug = ?"), arguments: [slug]) {
            return try Hearing(row: row)
        }
        let existing = try String.fetchAll(db, sql: "SELECT slug FROM hearing ORDER BY slug")
        throw StoreError.unknownHearing(slug: slug, existing: existing)
    }

    private func validated(_ hearing: Hearing) throws -> Hearing {
        try StoreError.checking { () throws(ValidationError) in try hearing.validated() }
    }

    private static func columns(of hearing: Hearing) throws -> StatementArguments {
        let organizers = String(decoding: try JSONEncoder.sorted.encode(hearing.organizers), as: UTF8.self)
        return [
            hearing.slug, hearing.title, hearing.kind.rawValue, hearing.startsAt?.description, hearing.venue,
            organizers, hearing.plan, hearing.attendanceInPerson, hearing.attendanceOnline, hearing.language?.rawValue,
            hearing.timeZone, hearing.commentsOpen?.description, hearing.commentsClose?.description,
        ]
    }

    /// The fields that differ, as "old → new" text for the audit log.
    private static func changes(from old: Hearing, to new: Hearing) -> [String: String] {
        changes([
            ("slug", old.slug, new.slug), ("title", old.title, new.title), ("kind", old.kind.rawValue, new.kind.rawValue),
            ("startsAt", old.startsAt?.description, new.startsAt?.description), ("venue", old.venue, new.venue),
            ("organizers", old.organizers.joined(separator: "; "), new.organizers.joined(separator: "; ")),
            ("plan", old.plan, new.plan),
            ("attendanceInPerson", old.attendanceInPerson.map(String.init), new.attendanceInPerson.map(String.init)),
            ("attendanceOnline", old.attendanceOnline.map(String.init), new.attendanceOnline.map(String.init)),
            ("language", old.language?.rawValue, new.language?.rawValue), ("timeZone", old.timeZone, new.timeZone),
            ("commentsOpen", old.commentsOpen?.description, new.commentsOpen?.description),
            ("commentsClose", old.commentsClose?.description, new.commentsClose?.description),
        ])
    }
}
