/// Finds every taxonomy term in a text at once, with one Aho-Corasick automaton
/// over all terms, so the cost grows with the text and not with the number of terms.
///
/// - Terms and text are compared after NFKC and lowercasing.
/// - A term in English (ASCII letters or digits at its edges) must stand as a whole
///   word — not next to other ASCII letters or digits — allowing the endings -s,
///   -es, -d, -ed and -ing, with the same spacing as the term (any run of spaces
///   counts as one).
/// - Other terms (Hangul, …) match inside words and whatever the spacing, so
///   particles and compounds do not stop them: 데이터 허브 matches 데이터허브를.
public struct TermMatcher: Sendable {
    /// One term the matcher looks for, and what it stands for.
    public struct Entry: Hashable, Sendable {
        public var term: String
        /// The caller's label, such as the index of a goal.
        public var owner: Int
        public var weight: Double
        /// True for a term that rules its owner out.
        public var excludes: Bool

        public init(term: String, owner: Int, weight: Double = 1, excludes: Bool = false) {
            self.term = term
            self.owner = owner
            self.weight = weight
            self.excludes = excludes
        }
    }

    /// One place a term was found.
    public struct Match: Hashable, Sendable {
        public var entry: Entry
        /// The text as it stands where the term was found ("데이터허브를" has "데이터허브").
        public var found: String
        /// Position in the folded text, in scalars.
        public var offset: Int
    }

    private struct Pattern: Sendable {
        var entry: Entry
        /// The term folded, with runs of spaces as one space.
        var spaced: [UInt32]
        var length: Int // in skeleton scalars
        var wordStart: Bool
        var wordEnd: Bool
    }

    private var transitions: [[UInt32: Int32]] = [[:]]
    private var failure: [Int32] = [0]
    /// Patterns ending at each node, its own and those of its failure chain.
    private var outputs: [[Int32]] = [[]]
    private var patterns: [Pattern] = []

    public init(_ entries: [Entry]) {
        for entry in entries {
            let folded = MatchText.fold(entry.term)
            var spaced: [UInt32] = []
            for value in folded {
                if MatchText.isSpace(value) {
                    if spaced.last != 0x20, !spaced.isEmpty { spaced.append(0x20) }
                } else {
                    spaced.append(value)
                }
            }
            if spaced.last == 0x20 { spaced.removeLast() }
            let skeleton = spaced.filter { $0 != 0x20 }
            guard let first = skeleton.first, let last = skeleton.last else { continue }
            let index = Int32(patterns.count)
            patterns.append(Pattern(
                entry: entry, spaced: spaced, length: skeleton.count,
                wordStart: MatchText.isASCIIWordCharacter(first), wordEnd: MatchText.isASCIIWordCharacter(last)))
            var node = 0
            for value in skeleton {
                if let next = transitions[node][value] {
                    node = Int(next)
                } else {
                    transitions.append([:])
                    failure.append(0)
                    outputs.append([])
                    transitions[node][value] = Int32(transitions.count - 1)
                    node = transitions.count - 1
                }
            }
            outputs[node].append(index)
        }
        buildFailureLinks()
    }

    private mutating func buildFailureLinks() {
        var queue: [Int] = []
        for (_, child) in transitions[0] {
            failure[Int(child)] = 0
            queue.append(Int(child))
        }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for (value, child) in transitions[node] {
                var fallback = Int(failure[node])
                while fallback != 0, transitions[fallback][value] == nil { fallback = Int(failure[fallback]) }
                let target = transitions[fallback][value].map(Int.init) ?? 0
                failure[Int(child)] = Int32(target == Int(child) ? 0 : target)
                outputs[Int(child)].append(contentsOf: outputs[Int(failure[Int(child)])])
                queue.append(Int(child))
            }
        }
    }

    /// Every match of every term in `text`, in order of where they end.
    public func matches(in text: String) -> [Match] {
        let prepared = MatchText(text)
        var result: [Match] = []
        var node = 0
        for (position, value) in prepared.skeleton.enumerated() {
            while node != 0, transitions[node][value] == nil { node = Int(failure[node]) }
            node = transitions[node][value].map(Int.init) ?? 0
            for patternIndex in outputs[node] {
                let pattern = patterns[Int(patternIndex)]
                let start = prepared.origin[position - pattern.length + 1]
                let end = prepared.origin[position] + 1
                guard accepts(pattern, from: start, to: end, in: prepared.scalars) else { continue }
                let found = MatchText.foundWord(prepared.scalars, start: start, end: end)
                result.append(Match(entry: pattern.entry, found: found, offset: start))
            }
        }
        return result
    }

    private func accepts(_ pattern: Pattern, from start: Int, to end: Int, in scalars: [UInt32]) -> Bool {
        // English words end where ASCII letters and digits end, so "bus로" (with a particle) is "bus".
        if pattern.wordStart, start > 0, MatchText.isASCIIWordCharacter(scalars[start - 1]) { return false }
        if pattern.wordEnd, end < scalars.count, MatchText.isASCIIWordCharacter(scalars[end]) {
            var suffixEnd = end
            while suffixEnd < scalars.count, MatchText.isASCIIWordCharacter(scalars[suffixEnd]) { suffixEnd += 1 }
            let suffix = MatchText.string(scalars[end..<suffixEnd])
            guard ["s", "es", "d", "ed", "ing"].contains(suffix) else { return false }
        }
        if pattern.wordStart || pattern.wordEnd {
            // English phrases keep their spacing: "bus stop" is not "busstop".
            var spaced: [UInt32] = []
            for value in scalars[start..<end] {
                if MatchText.isSpace(value) {
                    if spaced.last != 0x20 { spaced.append(0x20) }
                } else {
                    spaced.append(value)
                }
            }
            if spaced != pattern.spaced { return false }
        }
        return true
    }
}

extension MatchText {
    /// The whole word or words around a match, as printed in evidence.
    static func foundWord(_ scalars: [UInt32], start: Int, end: Int) -> String {
        var from = start, to = end
        while from > 0, isLetterOrDigit(scalars[from - 1]) { from -= 1 }
        while to < scalars.count, isLetterOrDigit(scalars[to]) { to += 1 }
        return string(scalars[from..<to])
    }

    static func string(_ values: ArraySlice<UInt32>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: values.compactMap(Unicode.Scalar.init))
        return text
    }
}
