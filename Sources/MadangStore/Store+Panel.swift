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
            if place <= last {
                // Two steps through a range no panel reaches, so the unique
                // (hearing, position) pair holds after every row.
                try db.execute(
                    sql: "UPDATE participant SET position = position + 1000000 WHERE hearingId = ? AND position >= ?",
                    arguments: [hearingID, place])
                try db.execute(
                    sql: "UPDATE participant SET position = position - 999999 WHERE hearingId = ? AND position > 1000000",
                    arguments: [hearingID])
            }
            let participant = Participant(
                hearingID: hearingID, name: name, affiliation: Text.optional(affiliation), role: role, position: place)
            try db.execute(
                sql: "INSERT INTO participant (hearingId, name, affiliation, role, position) VALUES (?, ?, ?, ?, ?)",
                arguments: [hearingID, participant.name, participant.affiliation, role.rawValue, place])
            var stored = participant
            stored.id = db.lastInsertedRowID
            try audit(db, "participant.add", entity: "participant", id: stored.id,
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
}
