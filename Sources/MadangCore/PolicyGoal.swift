/// One entry of a hearing's taxonomy: a goal of the plan under discussion, or a
/// strategy under a goal, with the terms that signal it.
public struct PolicyGoal: Hashable, Codable, Sendable {
    /// The id people use for it, such as `G1` or `G1.2`.
    public var code: String
    public var name: String
    public var description: String?
    /// The goal a strategy belongs to; nil for a goal.
    public var parentCode: String?
    /// Words and phrases, in any language, that signal the goal.
    public var terms: [GoalTerm]
    /// Words and phrases that rule the goal out when they appear.
    public var excludes: [GoalTerm]

    public init(
        code: String, name: String, description: String? = nil, parentCode: String? = nil,
        terms: [GoalTerm] = [], excludes: [GoalTerm] = []
    ) {
        self.code = code
        self.name = name
        self.description = description
        self.parentCode = parentCode
        self.terms = terms
        self.excludes = excludes
    }
}

/// A word or phrase of a taxonomy, with how much it counts.
public struct GoalTerm: Hashable, Codable, Sendable {
    public var text: String
    /// How much one match adds to the goal's score; 1 unless the taxonomy says otherwise.
    public var weight: Double

    public init(_ text: String, weight: Double = 1) {
        self.text = text
        self.weight = weight
    }
}
