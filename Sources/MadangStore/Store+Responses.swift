import Foundation
import GRDB
import MadangCore

extension Store {
    /// The hearing's response states, in order: its own, or the defaults when it has none.
    public func responseStates(hearingID: Int64) throws -> [ResponseState] {
        try read { db in try Store.responseStates(db, hearingID: hearingID) }
    }

    static func responseStates(_ db: Database, hearingID: Int64) throws -> [ResponseState] {
        let own = try Row.fetchAll(
            db, sql: "SELECT * FROM responseState WHERE hearingId = ? ORDER BY position", arguments: [hearingID]
        ).map { row in
            ResponseState(code: row["code"], korean: row["korean"], english: row["english"], needsReason: row["needsReason"])
        }
        return own.isEmpty ? ResponseState.defaults : own
    }

    /// Gives the hearing its own response states in place of the defaults. A state that
    /// responses use cannot go.
    public func setResponseStates(hearingID: Int64, _ states: [ResponseState]) throws {
        try write { db in
            let used = try String.fetchAll(db, sql: """
                SELECT DISTINCT response.state FROM response JOIN item ON item.id = response.itemId WHERE item.hearingId = ?
                """, arguments: [hearingID])
            let codes = states.map(\.code)
            if let missing = used.first(where: { !codes.contains($0) }) {
                throw StoreError.invalid(.unknownState(missing, known: codes))
            }
            try db.execute(sql: "DELETE FROM responseState WHERE hearingId = ?", arguments: [hearingID])
            for (position, state) in states.enumerated() {
                try db.execute(sql: """
                    INSERT INTO responseState (hearingId, code, korean, english, needsReason, position) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [hearingID, state.code, state.korean, state.english, state.needsReason, position])
            }
            try audit(db, "responseStates.set", entity: "hearing", id: hearingID,
                      details: ["states": states.map { "\($0.code) \($0.korean) \($0.english)" }.joined(separator: "; ")])
        }
    }

    /// Sets the responses to `itemIDs` (all of the hearing `hearingID`, none withdrawn) from
    /// `change`, in one transaction: all of them or none. Each changed response is audited
    /// with its fields before and after.
    ///
    /// - Returns: the responses as stored now, in the order of `itemIDs`.
    /// - Throws: ``StoreError/unknownItem(id:)``, ``StoreError/itemWithdrawn(id:)``,
    ///   ``StoreError/invalid(_:)`` for an unknown state, a missing reason or a new response
    ///   without a state.
    public func respond(hearingID: Int64, itemIDs: [Int64], _ change: ResponseChange) throws -> [Response] {
        try respond(hearingID: hearingID, changes: itemIDs.map { ($0, change) }).map(\.response)
    }

    /// Sets the response to each item from its own change, in one transaction: all of them
    /// or none (and none with `dryRun`, which checks everything a write would).
    ///
    /// - Returns: each response as stored (or as it would be), and whether it changed.
    public func respond(
        hearingID: Int64, changes: [(itemID: Int64, change: ResponseChange)], dryRun: Bool = false
    ) throws -> [(response: Response, changed: Bool)] {
        try write(rollingBack: dryRun) { db in
            let states = try Store.responseStates(db, hearingID: hearingID)
            let now = Date()
            var stored: [(response: Response, changed: Bool)] = []
            for (id, change) in changes {
                let named = try change.state.map { text in
                    guard let state = ResponseState.named(text, in: states) else {
                        throw StoreError.invalid(.unknownState(text, known: states.map { "\($0.korean) (\($0.code))" }))
                    }
                    return state
                }
                let item = try Store.item(db, id: id)
                guard item.hearingID == hearingID else { throw StoreError.unknownItem(id: id) }
                if item.withdrawal != nil { throw StoreError.itemWithdrawn(id: id) }
                let old = try Store.response(db, itemID: id)
                guard let stateCode = named?.code ?? old?.state else {
                    throw StoreError.invalid(.missing(field: "response state", kind: item.kind))
                }
                func pick(_ new: String?, _ old: String?) -> String? { new.map { Text.optional($0) } ?? old }
                // A reason belongs to its decision: a new state without one drops the old.
                let oldReason = old?.state == stateCode ? old?.reason : nil
                let response = Response(
                    itemID: id, state: stateCode, text: pick(change.text, old?.text), reason: pick(change.reason, oldReason),
                    action: pick(change.action, old?.action), department: pick(change.department, old?.department),
                    respondedBy: actor, respondedAt: now, publishedAt: change.publish ? now : old?.publishedAt)
                if let state = states.first(where: { $0.code == stateCode }), state.needsReason, response.reason == nil {
                    throw StoreError.invalid(.reasonRequired(state: "\(state.korean) (\(state.english))"))
                }
                let changes = Store.changes([
                    ("state", old?.state, response.state), ("text", old?.text, response.text), ("reason", old?.reason, response.reason),
                    ("action", old?.action, response.action), ("department", old?.department, response.department),
                    ("published", old?.publishedAt.map(Timestamp.string), response.publishedAt.map(Timestamp.string)),
                ])
                if changes.isEmpty, let old {
                    stored.append((old, false))
                    continue
                }
                try db.execute(sql: """
                    INSERT INTO response (itemId, state, text, reason, action, department, respondedBy, respondedAt, publishedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (itemId) DO UPDATE SET state = excluded.state, text = excluded.text, reason = excluded.reason,
                        action = excluded.action, department = excluded.department, respondedBy = excluded.respondedBy,
                        respondedAt = excluded.respondedAt, publishedAt = excluded.publishedAt
                    """, arguments: [id, response.state, response.text, response.reason, response.action, response.department,
                                     actor, Timestamp.string(now), response.publishedAt.map(Timestamp.string)])
                try audit(db, "response.set", entity: "item", id: id, hearing: hearingID, details: changes)
                stored.append((response, true))
            }
            return stored
        }
    }

    /// The hearing's responses by item id; with `publishedOnly`, drafts are left out. The
    /// responses of withdrawn items are left out too.
    public func responses(hearingID: Int64, publishedOnly: Bool = false) throws -> [Int64: Response] {
        try read { db in
            var result: [Int64: Response] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT response.* FROM response JOIN item ON item.id = response.itemId
                WHERE item.hearingId = ? AND item.withdrawnAt IS NULL \(publishedOnly ? "AND response.publishedAt IS NOT NULL" : "")
                """, arguments: [hearingID]) {
                let response = Response(row: row)
                result[response.itemID] = response
            }
            return result
        }
    }

    /// The responses to the items with these ids, by item id.
    public func responses(itemIDs ids: [Int64]) throws -> [Int64: Response] {
        try read { db in
            var result: [Int64: Response] = [:]
            for start in stride(from: 0, to: ids.count, by: 500) {
                let slice = Array(ids[start..<min(start + 500, ids.count)])
                for row in try Row.fetchAll(db, sql: """
                    SELECT * FROM response WHERE itemId IN (\(slice.map { _ in "?" }.joined(separator: ",")))
                    """, arguments: StatementArguments(slice)) {
                    let response = Response(row: row)
                    result[response.itemID] = response
                }
            }
            return result
        }
    }

    /// Publishes every draft response of the hearing; returns how many.
    public func publishResponses(hearingID: Int64) throws -> Int {
        try write { db in
            try db.execute(sql: """
                UPDATE response SET publishedAt = ? WHERE publishedAt IS NULL
                    AND itemId IN (SELECT id FROM item WHERE hearingId = ? AND withdrawnAt IS NULL)
                """, arguments: [Timestamp.string(Date()), hearingID])
            let count = db.changesCount
            if count > 0 { try audit(db, "responses.publish", entity: "hearing", id: hearingID, details: ["published": String(count)]) }
            return count
        }
    }

    static func response(_ db: Database, itemID: Int64) throws -> Response? {
        try Row.fetchOne(db, sql: "SELECT * FROM response WHERE itemId = ?", arguments: [itemID]).map(Response.init(row:))
    }
}

extension Store {
    /// The response register: every comment and proposal of the hearing (and each statement
    /// that has a response), with its goals, the number its author goes by, and its response.
    ///
    /// - Parameters:
    ///   - state: only the opinions with a response in this state (code or label).
    ///   - publishedOnly: leave drafts out, as the report and notices do.
    public func responseRegister(hearingID: Int64, state: String? = nil, publishedOnly: Bool = false) throws -> ResponseRegister {
        let hearing = try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM hearing WHERE id = ?", arguments: [hearingID]) else {
                throw StoreError.unknownHearing(slug: "#\(hearingID)", existing: [])
            }
            return try Hearing(row: row)
        }
        let states = try responseStates(hearingID: hearingID)
        let wanted = try state.map { text in
            guard let state = ResponseState.named(text, in: states) else {
                throw StoreError.invalid(.unknownState(text, known: states.map { "\($0.korean) (\($0.code))" }))
            }
            return state.code
        }
        let responses = try responses(hearingID: hearingID, publishedOnly: publishedOnly)
        let items = try items(hearingID: hearingID).filter { $0.kind != .statement || responses[$0.id ?? 0] != nil }
        let ids = items.compactMap(\.id)
        let tags = try tags(itemIDs: ids)
        let numbers = try citizenNumbers(hearingID: hearingID, ids: items.filter { $0.kind != .statement }.compactMap(\.id))
        let rows = items.compactMap { item -> ResponseRegister.Row? in
            let id = item.id ?? 0
            let response = responses[id]
            if let wanted, response?.state != wanted { return nil }
            return ResponseRegister.Row(item: item, goals: (tags[id] ?? []).map(\.goalCode), citizenNumber: numbers[id], response: response)
        }
        return ResponseRegister(hearing: hearing, states: states, rows: rows)
    }
}

extension Response {
    init(row: Row) {
        let respondedAt: String = row["respondedAt"]
        let publishedAt: String? = row["publishedAt"]
        self.init(
            itemID: row["itemId"], state: row["state"], text: row["text"], reason: row["reason"], action: row["action"],
            department: row["department"], respondedBy: row["respondedBy"],
            respondedAt: Timestamp.date(respondedAt) ?? Date(timeIntervalSince1970: 0),
            publishedAt: publishedAt.flatMap(Timestamp.date))
    }
}
