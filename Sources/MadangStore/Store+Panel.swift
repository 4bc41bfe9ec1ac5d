import GRDB
import MadangCore

extension Store {
    /// Registers a participant of a hearing's panel.
    ///
    /// With no `position`, the participant goes to the end of the order. With one,
    /// those at that position and after move down by one.
    public func addParticipant(
        hearingID: Int64, name: String, affiliation: String? = nil, role: ParticipantRole, position: Int? = nil
    ) throws -> Participant {
        let name = try StoreError.checking { () throws(ValidationError) in try Text.required(name, field: "name") }
        if let position, position < 1 { throw StoreError.invalid(.negative(field: "order", value: position)) }
        return try write { db in
            let last = try Int.fetchOne(
                db, sql: "SELECT coalesce(max(position), 0) FROM participant WHERE hearingId = ?",
                arguments: [hearingID]) ?? 0
            let place = min(position ?? last + 1, last + 1)
            if place <= last { try Store.shiftPositions(db, hearingID: hearingID, after: place - 1, by: 1) }
            let participant = Participant(
                hearingID: hearingID, name: name, affiliation: Text.optional(affiliation), role: role, position: place)
            try db.execute(
                sql: "INSERT INTO participant (hearingId, name, affiliation, role, position) VALUES (?, ?, ?, ?, ?)",
                arguments: [hearingID, participant.name, participant.affiliation, role.rawValue, place])
            var stored = participant
            stored.id = db.lastInsertedRowID
            try audit(db, "participant.add", entity: "participant", id: stored.id, hearing: hearingID,
                      details: ["name": name, "role": role.rawValue, "position": String(place)])
            return stored
        }
    }

    /// The panel of a hearing, in order.
    public func panel(hearingID: Int64) throws -> Panel {
        try read { db in
            Panel(try Row.fetchAll(
                db, sql: "SELECT * FROM participant WHERE hearingId = ? ORDER BY position", arguments: [hearingID]
            ).map(Participant.init(row:)))
        }
    }

    /// Corrects the participant at `position` on the hearing's panel: each argument that is
    /// not nil replaces the stored value (an empty affiliation clears it), and `moveTo`
    /// gives them another place, the others moving up or down. Audited, before and after.
    ///
    /// - Throws: ``StoreError/noParticipantAt(position:hearing:)``, ``StoreError/invalid(_:)``.
    public func editParticipant(
        hearingID: Int64, position: Int, name: String? = nil, affiliation: String? = nil, role: ParticipantRole? = nil,
        moveTo: Int? = nil
    ) throws -> Participant {
        let name = try name.map { name in
            try StoreError.checking { () throws(ValidationError) in try Text.required(name, field: "name") }
        }
        if let moveTo, moveTo < 1 { throw StoreError.invalid(.negative(field: "order", value: moveTo)) }
        return try write { db in
            let old = try Store.participant(db, hearingID: hearingID, position: position)
            var new = old
            if let name { new.name = name }
            if let affiliation { new.affiliation = Text.optional(affiliation) }
            if let role { new.role = role }
            if let moveTo {
                let last = try Int.fetchOne(
                    db, sql: "SELECT max(position) FROM participant WHERE hearingId = ?", arguments: [hearingID]) ?? position
                new.position = min(moveTo, last)
            }
            if new.position != old.position {
                // Out of the way first, then the others close up and open the new place,
                // through a range no panel reaches so the unique (hearing, position) pair holds.
                try db.execute(sql: "UPDATE participant SET position = 3000000 WHERE id = ?", arguments: [old.id])
                try Store.shiftPositions(db, hearingID: hearingID, after: old.position, by: -1)
                try Store.shiftPositions(db, hearingID: hearingID, after: new.position - 1, by: 1)
            }
            try db.execute(
                sql: "UPDATE participant SET name = ?, affiliation = ?, role = ?, position = ? WHERE id = ?",
                arguments: [new.name, new.affiliation, new.role.rawValue, new.position, old.id])
            let changes = Store.changes([
                ("name", old.name, new.name), ("affiliation", old.affiliation, new.affiliation),
                ("role", old.role.rawValue, new.role.rawValue), ("order", String(old.position), String(new.position)),
            ])
            if !changes.isEmpty {
                try audit(db, "participant.edit", entity: "participant", id: old.id, hearing: hearingID, details: changes)
            }
            return new
        }
    }

    /// Takes the participant at `position` off the hearing's panel; those after move up one
    /// place. Someone with statements on the record (withdrawn ones too) leaves only when
    /// `reassignTo` names who said them instead.
    ///
    /// - Returns: the participant removed, and how many statements moved.
    /// - Throws: ``StoreError/participantHasStatements(name:statements:)``,
    ///   ``StoreError/noParticipantAt(position:hearing:)``, ``StoreError/reassignToSelf(position:)``.
    public func removeParticipant(
        hearingID: Int64, position: Int, reassignTo: Int? = nil
    ) throws -> (participant: Participant, reassigned: Int) {
        try write { db in
            let leaving = try Store.participant(db, hearingID: hearingID, position: position)
            let statements = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM item WHERE speakerId = ?", arguments: [leaving.id]) ?? 0
            var details = ["name": leaving.name, "order": String(position), "role": leaving.role.rawValue]
            if let reassignTo {
                if reassignTo == position { throw StoreError.reassignToSelf(position: position) }
                let heir = try Store.participant(db, hearingID: hearingID, position: reassignTo)
                try db.execute(sql: "UPDATE item SET speakerId = ? WHERE speakerId = ?", arguments: [heir.id, leaving.id])
                details["statementsTo"] = "\(heir.name) (\(statements))"
            } else if statements > 0 {
                throw StoreError.participantHasStatements(name: leaving.name, statements: statements)
            }
            try db.execute(sql: "DELETE FROM participant WHERE id = ?", arguments: [leaving.id])
            try Store.shiftPositions(db, hearingID: hearingID, after: position, by: -1)
            try audit(db, "participant.remove", entity: "participant", id: leaving.id, hearing: hearingID, details: details)
            return (leaving, reassignTo == nil ? 0 : statements)
        }
    }

    static func participant(_ db: Database, hearingID: Int64, position: Int) throws -> Participant {
        if let row = try Row.fetchOne(
            db, sql: "SELECT * FROM participant WHERE hearingId = ? AND position = ?", arguments: [hearingID, position]) {
            return Participant(row: row)
        }
        let slug = try String.fetchOne(db, sql: "SELECT slug FROM hearing WHERE id = ?", arguments: [hearingID]) ?? "#\(hearingID)"
        throw StoreError.noParticipantAt(position: position, hearing: slug)
    }

    /// Moves every participant placed after `position` by `offset` places, in two steps
    /// through a range no panel reaches, so the unique (hearing, position) pair holds after
    /// every row.
    static func shiftPositions(_ db: Database, hearingID: Int64, after position: Int, by offset: Int) throws {
        try db.execute(
            sql: "UPDATE participant SET position = position + 1000000 WHERE hearingId = ? AND position > ? AND position < 1000000",
            arguments: [hearingID, position])
        try db.execute(
            sql: "UPDATE participant SET position = position - 1000000 + ? WHERE hearingId = ? AND position > 1000000 AND position < 3000000",
            arguments: [offset, hearingID])
    }
}

