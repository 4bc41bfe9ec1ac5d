import Foundation

/// The agency's answer to one opinion: its state, what it says, why, what will be done and
/// by whom. A draft until it is published; only published responses reach the result
/// report and the notices to commenters.
public struct Response: Hashable, Codable, Sendable {
    public var itemID: Int64
    /// The code of one of the hearing's ``ResponseState``s.
    public var state: String
    /// The response itself.
    public var text: String?
    /// Why the opinion is not, or not wholly, accepted.
    public var reason: String?
    /// What will be done about it.
    public var action: String?
    /// The department responsible.
    public var department: String?
    public var respondedBy: String
    public var respondedAt: Date
    /// When it was published; nil for a draft.
    public var publishedAt: Date?

    public init(
        itemID: Int64, state: String, text: String? = nil, reason: String? = nil, action: String? = nil,
        department: String? = nil, respondedBy: String = "", respondedAt: Date = Date(), publishedAt: Date? = nil
    ) {
        self.itemID = itemID
        self.state = state
        self.text = text
        self.reason = reason
        self.action = action
        self.department = department
        self.respondedBy = respondedBy
        self.respondedAt = respondedAt
        self.publishedAt = publishedAt
    }

    public var isPublished: Bool { publishedAt != nil }
}
