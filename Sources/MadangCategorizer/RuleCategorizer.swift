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
    /// For each goal, its place among the goals ordered by code: ties in score go by code.
    private let codeRank: [Int]

    public init(goals: [PolicyGoal]) {
        self.goals = goals
        parents = goals.map { goal in goal.parentCode.flatMap { code in goals.firstIndex { $0.code == code } } }
        var rank = Array(repeating: 0, count: goals.count)
        for (place, index) in goals.indices.sorted(by: { goals[$0].code < goals[$1].code }).enumerated() { rank[index] = place }
        codeRank = rank
        var entries: [TermMatcher.Entry] = []
        for (index, goal) in goals.enumerated() {
            entries += goal.terms.map { TermMatcher.Entry(term: $0.text, owner: index, weight: $0.weight) }
            entries += goal.excludes.map { TermMatcher.Entry(term: $0.text, owner: index, weight: 0, excludes: true) }
        }
        matcher = TermMatcher(entries)
    }

    /// The goals `text` belongs under, best first.
    public func categorize(_ text: String) -> [Result] {
        categorize(parts: [text])
    }

    /// The goals of a text in parts (a title and a body), read as one text.
    public func categorize(parts: [String]) -> [Result] {
        scored(parts: parts).map { Result(goal: goals[$0.goal], score: $0.score, evidence: $0.evidence) }
    }

    /// A goal found for a text, as its index in ``goals``.
    struct Scored {
        var goal: Int
        var score: Double
        var evidence: [Evidence]
    }

    /// The first hit of a term for a goal.
    private struct Counted {
        var goal: Int
        var term: Int
        var hit: Int
    }

    /// What ``categorize(parts:)`` finds, with each goal as its index in ``goals``.
    func scored(parts: [String]) -> [Scored] {
        let (text, hits) = matcher.hits(inParts: parts)
        guard !hits.isEmpty else { return [] }
        var scores = Array(repeating: 0.0, count: goals.count)
        // The first hit of each term for each goal, in the order found: only it counts.
        var counted: [Counted] = []
        counted.reserveCapacity(hits.count)
        var excluded: [Int] = []
        for (number, hit) in hits.enumerated() {
            let info = matcher.info(hit)
            if info.excludes {
                excluded.append(info.owner)
                continue
            }
            func count(for target: Int) {
                guard !counted.contains(where: { $0.goal == target && $0.term == info.termNumber }) else { return }
                scores[target] += info.weight
                counted.append(Counted(goal: target, term: info.termNumber, hit: number))
            }
            count(for: info.owner)
            // A strategy's terms count for its goal as well.
            if let parent = parents[info.owner] { count(for: parent) }
        }
        for goal in excluded {
            scores[goal] = 0
            // A goal ruled out rules out its strategies too.
            for (index, parent) in parents.enumerated() where parent == goal { scores[index] = 0 }
        }
        var results: [Scored] = []
        for index in goals.indices where scores[index] >= threshold {
            var found: [Evidence] = []
            for entry in counted where entry.goal == index { found.append(evidence(for: hits[entry.hit], in: text)) }
            results.append(Scored(goal: index, score: scores[index], evidence: found))
        }
        if results.count > 1 {
            let rank = codeRank  // not `self` in the closure: that copied the categorizer every time
            results.sort { ($0.score, rank[$1.goal]) > ($1.score, rank[$0.goal]) }
        }
        return results
    }

    /// The term of a hit and the word it was found in; when that word is the term
    /// itself, the term's own string serves for both.
    private func evidence(for hit: TermMatcher.Hit, in text: [UInt8]) -> Evidence {
        let term = matcher.term(hit)
        let range = MatchText.foundRange(text, start: matcher.start(of: hit, in: text), end: Int(hit.end))
        if text[range].elementsEqual(matcher.termUTF8(hit)) { return Evidence(term: term, found: term) }
        return Evidence(term: term, found: String(decoding: text[range], as: UTF8.self))
    }
}
