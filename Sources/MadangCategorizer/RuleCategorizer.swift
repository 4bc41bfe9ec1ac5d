import MadangCore

/// Files text under the goals whose terms it contains, and says why.
///
/// A goal's score is the sum of the weights of its distinct terms found in the text,
/// plus those of its strategies; a goal is given when the score reaches
/// ``threshold`` and none of its exclude terms appears. Text that matches nothing
/// gets no goal: it is left uncategorized rather than forced somewhere.
///
/// ```swift
/// let rules = RuleCategorizer(goals: goals)
/// for result in rules.categorize("데이터허브를 시민에게 개방해 주세요") {
///     print(result.goal.code, result.score, result.evidence.map(\.term))
/// }
/// ```
public struct RuleCategorizer: Sendable {
    /// One goal an item is filed under.
    public struct Result: Hashable, Sendable {
        public var goal: PolicyGoal
        public var score: Double
        /// The terms found, each once, in the order they appear.
        public var evidence: [Evidence]
    }

    /// One term found, and the word it was found in.
    public struct Evidence: Hashable, Sendable, CustomStringConvertible {
        public var term: String
        public var found: String
        public var description: String { term == found ? term : "\(term) (in \"\(found)\")" }
    }

    public let goals: [PolicyGoal]
    /// The least score that files an item under a goal.
    public var threshold: Double = 1
    private let matcher: TermMatcher
    /// For each goal, the index of the goal it belongs to, if it is a strategy.
    private let parents: [Int?]

    public init(goals: [PolicyGoal]) {
        self.goals = goals
        parents = goals.map { goal in goal.parentCode.flatMap { code in goals.firstIndex { $0.code == code } } }
        var entries: [TermMatcher.Entry] = []
        for (index, goal) in goals.enumerated() {
            entries += goal.terms.map { TermMatcher.Entry(term: $0.text, owner: index, weight: $0.weight) }
            entries += goal.excludes.map { TermMatcher.Entry(term: $0.text, owner: index, weight: 0, excludes: true) }
        }
        matcher = TermMatcher(entries)
    }

    /// The goals `text` belongs under, best first.
    public func categorize(_ text: String) -> [Result] {
        var scores = Array(repeating: 0.0, count: goals.count)
        var evidence = Array(repeating: [Evidence](), count: goals.count)
        var seen = Array(repeating: Set<String>(), count: goals.count)
        var excluded = Set<Int>()
        for match in matcher.matches(in: text) {
            let owner = match.entry.owner
            if match.entry.excludes {
                excluded.insert(owner)
                continue
            }
            // A strategy's terms count for its goal as well.
            for target in [owner, parents[owner]].compactMap({ $0 }) where seen[target].insert(match.entry.term).inserted {
                scores[target] += match.entry.weight
                evidence[target].append(Evidence(term: match.entry.term, found: match.found)) // only the first of each term
            }
        }
        for goal in excluded {
            scores[goal] = 0
            // A goal ruled out rules out its strategies too.
            for (index, parent) in parents.enumerated() where parent == goal { scores[index] = 0 }
        }
        return goals.indices
            .filter { scores[$0] >= threshold }
            .map { Result(goal: goals[$0], score: scores[$0], evidence: evidence[$0]) }
            .sorted { ($0.score, $1.goal.code) > ($1.score, $0.goal.code) }
    }
}
