import Foundation

/// Who filed an item under a goal.
public enum TagSource: String, CaseIterable, Codable, Sendable {
    /// Terms of the taxonomy matched.
    case rule
    /// The learned model predicted it.
    case model
    /// A person decided; always wins over the machine.
    case person
}

/// An item filed under a goal, with where that came from and why.
public struct Tag: Hashable, Codable, Sendable {
    public var itemID: Int64
    public var goalCode: String
    public var source: TagSource
    /// How strongly the machine holds it; nil for a person's tag.
    public var score: Double?
    /// The terms that matched, for a rule tag.
    public var evidence: [String]
    /// For a person's decision: who made it.
    public var taggedBy: String?
    public var taggedAt: Date

    public init(
        itemID: Int64, goalCode: String, source: TagSource, score: Double? = nil, evidence: [String] = [],
        taggedBy: String? = nil, taggedAt: Date = Date()
    ) {
        self.itemID = itemID
        self.goalCode = goalCode
        self.source = source
        self.score = score
        self.evidence = evidence
        self.taggedBy = taggedBy
        self.taggedAt = taggedAt
    }
}
