import Foundation

/// Why and when an item was taken off the record. A withdrawn item leaves digests,
/// counts, search and listings, but stays in the database and the audit log, and can be
/// restored.
public struct Withdrawal: Hashable, Codable, Sendable {
    public var at: Date
    public var reason: String

    public init(at: Date, reason: String) {
        self.at = at
        self.reason = reason
    }
}
