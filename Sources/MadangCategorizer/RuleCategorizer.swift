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
    /// For each of the matcher's patterns, a number for the pair of its goal and term, and
    /// one for its goal's parent and term (-1 when the goal has none): a term counts once
    /// for a goal, and these say at once whether it has, in ``Scoring``'s `seen`.
    private let pairs: [(own: Int32, parent: Int32)]
    private let pairCount: Int

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
        var numbers: [[Int]: Int32] = [:]
        func number(_ goal: Int, _ term: Int) -> Int32 {
            if let known = numbers[[goal, term]] { return known }
            numbers[[goal, term]] = Int32(numbers.count)
            return Int32(numbers.count - 1)
        }
        let parents = self.parents
        pairs = matcher.patternInfo.map { info in
            (number(info.owner, info.termNumber), parents[info.owner].map { number($0, info.termNumber) } ?? -1)
        }
        pairCount = numbers.count
    }

    /// The goals `text` belongs under, best first.
    public func categorize(_ text: String) -> [Result] {
        categorize(parts: [text])
    }

    /// The goals of a text in parts (a title and a body), read as one text.
    public func categorize(parts: [String]) -> [Result] {
        var scoring = Scoring()
        score(parts: parts, into: &scoring)
        return scoring.goals.map { found in
            Result(goal: goals[found.goal], score: found.score,
                   evidence: scoring.counted(for: found.goal).map { evidence(for: scoring.hits[$0], in: scoring.text) })
        }
    }

    /// A goal found for a text, as its index in ``goals``.
    struct Scored {
        var goal: Int
        var score: Double
    }

    /// What ``categorize(parts:)`` finds, before any string is made: the folded text,
    /// its hits, the goals found (best first), and which hits count for which goal.
    /// One serves text after text, keeping its memory.
    struct Scoring {
        fileprivate var scanned = TermMatcher.Scanned()
        var goals: [Scored] = []
        /// The first hit of each term for each goal, in the order found: only it counts.
        fileprivate var counted: [(goal: Int32, term: Int32, hit: Int32)] = []
        fileprivate var scores: [Double] = []
        fileprivate var excluded: [Int] = []
        /// For each (goal, term) pair, the number of the text in which it last counted.
        fileprivate var seen: [UInt32] = []
        fileprivate var textNumber = UInt32(0)

        var text: [UInt8] { scanned.text }
        var hits: HitList { scanned.hits }

        /// The hits (as indices into ``hits``) that count for goal `goal`, in order.
        func counted(for goal: Int) -> [Int] {
            var found: [Int] = []
            forEachCounted(for: goal) { found.append($0) }
            return found
        }

        /// How many hits count for `goal`.
        func countedCount(for goal: Int) -> Int {
            var count = 0
            for entry in counted where Int(entry.goal) == goal { count += 1 }
            return count
        }

        /// Calls `body` with each hit (as an index into ``hits``) that counts for `goal`, in order.
        @inline(__always)
        func forEachCounted(for goal: Int, _ body: (Int) -> Void) {
            for entry in counted where Int(entry.goal) == goal { body(Int(entry.hit)) }
        }
    }

    /// Scores a text in parts into `scoring`: ``categorize(parts:)`` without its strings.
    func score(parts: [String], into scoring: inout Scoring) {
        matcher.hits(inParts: parts, into: &scoring.scanned)
        scoring.goals.removeAll(keepingCapacity: true)
        scoring.counted.removeAll(keepingCapacity: true)
        scoring.excluded.removeAll(keepingCapacity: true)
        guard !scoring.scanned.hits.isEmpty else { return }
        scoring.scores.removeAll(keepingCapacity: true)
        scoring.scores.append(contentsOf: repeatElement(0, count: goals.count))
        if scoring.seen.count != pairCount || scoring.textNumber == .max {
            scoring.seen = Array(repeating: 0, count: pairCount)
            scoring.textNumber = 0
        }
        scoring.textNumber += 1
        let text = scoring.textNumber
        for (number, hit) in scoring.scanned.hits.enumerated() {
            let info = matcher.info(hit)
            if info.excludes {
                scoring.excluded.append(info.owner)
                continue
            }
            let term = Int32(info.termNumber), pair = pairs[Int(hit.pattern)]
            if scoring.seen[Int(pair.own)] != text {
                scoring.seen[Int(pair.own)] = text
                scoring.scores[info.owner] += info.weight
                scoring.counted.append((Int32(info.owner), term, Int32(number)))
            }
            // A strategy's terms count for its goal as well.
            if pair.parent >= 0, scoring.seen[Int(pair.parent)] != text, let parent = parents[info.owner] {
                scoring.seen[Int(pair.parent)] = text
                scoring.scores[parent] += info.weight
                scoring.counted.append((Int32(parent), term, Int32(number)))
            }
        }
        for goal in scoring.excluded {
            scoring.scores[goal] = 0
            // A goal ruled out rules out its strategies too.
            for (index, parent) in parents.enumerated() where parent == goal { scoring.scores[index] = 0 }
        }
        for index in goals.indices where scoring.scores[index] >= threshold {
            scoring.goals.append(Scored(goal: index, score: scoring.scores[index]))
        }
        if scoring.goals.count > 1 {
            let rank = codeRank  // not `self` in the closure: that copied the categorizer every time
            scoring.goals.sort { ($0.score, rank[$1.goal]) > ($1.score, rank[$0.goal]) }
        }
    }

    /// The term of a hit and the word it was found in; when that word is the term
    /// itself, the term's own string serves for both.
    func evidence(for hit: TermMatcher.Hit, in text: [UInt8]) -> Evidence {
        let term = matcher.term(hit)
        let range = MatchText.foundRange(text, start: matcher.start(of: hit, in: text), end: Int(hit.end))
        if MatchText.same(text[range], matcher.termUTF8(hit)) { return Evidence(term: term, found: term) }
        return Evidence(term: term, found: String(decoding: text[range], as: UTF8.self))
    }

    /// A hit as a tag's evidence reads, ``Evidence/description``, made straight from
    /// the bytes: the term, or `term (in "word")`.
    func describe(_ hit: TermMatcher.Hit, in text: [UInt8]) -> String {
        let range = MatchText.foundRange(text, start: matcher.start(of: hit, in: text), end: Int(hit.end))
        let term = matcher.termUTF8(hit)
        if MatchText.same(text[range], term) { return matcher.term(hit) }
        let opening = #" (in ""#.utf8, closing = #"")"#.utf8
        return String(unsafeUninitializedCapacity: term.count + opening.count + range.count + closing.count) { buffer in
            var end = buffer.initialize(fromContentsOf: term)
            end = buffer[end...].initialize(fromContentsOf: opening)
            end = buffer[end...].initialize(fromContentsOf: text[range])
            return buffer[end...].initialize(fromContentsOf: closing)
        }
    }
}
