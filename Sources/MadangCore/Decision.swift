/// A person's decision on an item and a goal: filed under it, or taken out of it. It
/// always wins over the machine's proposal for the pair.
public struct Decision: Hashable, Codable, Sendable {
    public var goalCode: String
    /// True when the person filed the item under the goal, false when they took it out.
    public var tagged: Bool
    /// Who decided.
    public var by: String?

    public init(goalCode: String, tagged: Bool, by: String?) {
        self.goalCode = goalCode
        self.tagged = tagged
        self.by = by
    }
}
