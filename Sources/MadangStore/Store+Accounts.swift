import Foundation
import GRDB
import MadangCore

extension Store {
    /// Stores an organizer's account with its password hash, or replaces the hash of the
    /// account of that name (ending its sessions). Returns true when the account is new.
    @discardableResult
    public func setAccount(name: String, passwordHash: String) throws -> Bool {
        let name = try StoreError.checking { () throws(ValidationError) in try OrganizerSession.validName(name) }
        return try write { db in
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE name = ?", arguments: [name]) {
                try db.execute(sql: "UPDATE account SET passwordHash = ? WHERE id = ?", arguments: [passwordHash, id])
                try db.execute(sql: "DELETE FROM session WHERE accountId = ?", arguments: [id])
                try audit(db, "account.password", entity: "account", id: id, details: ["name": name])
                return false
            }
            try db.execute(sql: "INSERT INTO account (name, passwordHash, createdAt) VALUES (?, ?, ?)",
                           arguments: [name, passwordHash, Timestamp.string(Date())])
            try audit(db, "account.add", entity: "account", id: db.lastInsertedRowID, details: ["name": name])
            return true
        }
    }

    /// The organizers' account names, in order.
    public func accountNames() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT name FROM account ORDER BY name") }
    }

    /// The password hash of the account called `name`; nil when there is none.
    public func passwordHash(account name: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT passwordHash FROM account WHERE name = ?", arguments: [name]) }
    }

    /// Starts a session for the account called `session.name`.
    public func addSession(_ session: OrganizerSession) throws {
        try write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE name = ?", arguments: [session.name]) else {
                throw StoreError.unknownAccount(name: session.name)
            }
            // Ended sessions go as new ones start.
            try db.execute(sql: "DELETE FROM session WHERE expiresAt < ?", arguments: [Timestamp.string(Date())])
            try db.execute(sql: "INSERT INTO session (token, accountId, csrf, expiresAt) VALUES (?, ?, ?, ?)",
                           arguments: [session.token, id, session.csrf, Timestamp.string(session.expiresAt)])
        }
    }

    /// The session whose secret is `token`, if it has not ended.
    public func session(token: String) throws -> OrganizerSession? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT session.*, account.name FROM session JOIN account ON account.id = session.accountId
                WHERE token = ? AND expiresAt >= ?
                """, arguments: [token, Timestamp.string(Date())]).map { row in
                OrganizerSession(token: row["token"], name: row["name"], csrf: row["csrf"],
                                 expiresAt: Timestamp.date(row["expiresAt"]) ?? Date())
            }
        }
    }

    /// Ends the session whose secret is `token`.
    public func deleteSession(token: String) throws {
        try write { db in try db.execute(sql: "DELETE FROM session WHERE token = ?", arguments: [token]) }
    }
}
