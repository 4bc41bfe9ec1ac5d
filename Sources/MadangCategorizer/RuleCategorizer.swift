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
        categorize(matches: matcher.matches(in: text))
    }

    /// The goals of a text in parts (a title and a body), read as one text.
    public func categorize(parts: [String]) -> [Result] {
        categorize(matches: matcher.matches(inParts: parts))
    }

    private func categorize(matches: [TermMatcher.Match]) -> [Result] {
        guard !matches.isEmpty else { return [] }
        var scores = Array(repeating: 0.0, count: goals.count)
        // The first match of each term for each goal, in the order found: only it counts.
        var counted: [(goal: Int, term: Int, evidence: Evidence)] = []
        var excluded: [Int] = []
        for match in matches {
            let owner = match.entry.owner
            if match.entry.excludes {
                excluded.append(owner)
                continue
            }
            var evidence: Evidence?
            func count(for target: Int) {
                guard !counted.contains(where: { $0.goal == target && $0.term == match.termNumber }) else { return }
                scores[target] += match.entry.weight
                let found = evidence ?? Evidence(term: match.entry.term, found: match.found)
                evidence = found
                counted.append((target, match.termNumber, found))
            }
            count(for: owner)
            // A strategy's terms count for its goal as well.
            if let parent = parents[owner] { count(for: parent) }
        }
        for goal in excluded {
            scores[goal] = 0
            // A goal ruled out rules out its strategies too.
            for (index, parent) in parents.enumerated() where parent == goal { scores[index] = 0 }
        }
        var results: [Result] = []
        for index in goals.indices where scores[index] >= threshold {
            results.append(Result(goal: goals[index], score: scores[index],
                                  evidence: counted.filter { $0.goal == index }.map(\.evidence)))
        }
        return results.sorted { ($0.score, $1.goal.code) > ($1.score, $0.goal.code) }
    }
}
