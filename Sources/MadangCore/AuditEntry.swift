import Foundation

/// One change recorded in the audit log: who did what to which record, and when.
public struct AuditEntry: Hashable, Codable, Sendable {
    public var at: Date
    public var actor: String
    /// Such as `hearing.add`, `item.add` or `item.delete`.
    public var action: String
    /// The table changed: `hearing`, `participant`, `item`.
    public var entity: String
    public var entityID: Int64?
    /// The changed fields as a JSON object, when there are any.
    public var details: String?

    public init(at: Date, actor: String, action: String, entity: String, entityID: Int64?, details: String?) {
        self.at = at
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.details = details
    }
}
