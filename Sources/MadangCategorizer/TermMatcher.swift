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
    public struct Match: Sendable {
        public var entry: Entry
        fileprivate let text: MatchText
        /// Where, in the folded text, in scalars.
        public let start: Int
        public let end: Int

        /// The word or words where the term was found ("데이터허브를" has "데이터허브").
        public var found: String { MatchText.foundWord(text.scalars, start: start, end: end) }
    }

    private struct Pattern: Sendable {
        var entry: Entry
        /// The term folded, with runs of spaces as one space.
        var spaced: [UInt32]
        var length: Int // in skeleton scalars
        var wordStart: Bool
        var wordEnd: Bool
    }

    /// Each BMP character's symbol in the terms' alphabet; 0 for characters no term uses.
    private var symbols = [UInt16](repeating: 0, count: 0x10000)
    private var alphabetSize = 1
    /// The automaton as a table: `next[state * alphabetSize + symbol]`, failure links folded in.
    private var next: [Int32] = []
    /// Patterns ending at each state, its own and those of its failure chain.
    private var outputs: [[Int32]] = [[]]
    private var patterns: [Pattern] = []

    public init(_ entries: [Entry]) {
        var skeletons: [[UInt32]] = []
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
            guard let first = skeleton.first, let last = skeleton.last, skeleton.allSatisfy({ $0 < 0x10000 }) else { continue }
            patterns.append(Pattern(
                entry: entry, spaced: spaced, length: skeleton.count,
                wordStart: MatchText.isASCIIWordCharacter(first), wordEnd: MatchText.isASCIIWordCharacter(last)))
            skeletons.append(skeleton)
            for value in skeleton where symbols[Int(value)] == 0 {
                symbols[Int(value)] = UInt16(alphabetSize)
                alphabetSize += 1
            }
        }
        // The trie, with 0 meaning "no edge" (the root is never a child).
        var trie: [[Int32]] = [Array(repeating: 0, count: alphabetSize)]
        for (index, skeleton) in skeletons.enumerated() {
            var state = 0
            for value in skeleton {
                let symbol = Int(symbols[Int(value)])
                if trie[state][symbol] == 0 {
                    trie.append(Array(repeating: 0, count: alphabetSize))
                    outputs.append([])
                    trie[state][symbol] = Int32(trie.count - 1)
                }
                state = Int(trie[state][symbol])
            }
            outputs[state].append(Int32(index))
        }
        // Breadth first: each state's missing edges follow its failure state's.
        next = Array(repeating: 0, count: trie.count * alphabetSize)
        var failure = Array(repeating: 0, count: trie.count)
        var queue: [Int] = []
        for symbol in 0..<alphabetSize where trie[0][symbol] != 0 {
            next[symbol] = trie[0][symbol]
            queue.append(Int(trie[0][symbol]))
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            outputs[state].append(contentsOf: outputs[failure[state]])
            for symbol in 0..<alphabetSize {
                let child = Int(trie[state][symbol])
                if child != 0 {
                    failure[child] = Int(next[failure[state] * alphabetSize + symbol])
                    next[state * alphabetSize + symbol] = Int32(child)
                    queue.append(child)
                } else {
                    next[state * alphabetSize + symbol] = next[failure[state] * alphabetSize + symbol]
                }
            }
        }
    }

    /// Every match of every term in `text`, in order of where they end.
    public func matches(in text: String) -> [Match] {
        let prepared = MatchText(text)
        var result: [Match] = []
        var state = 0
        for (position, value) in prepared.skeleton.enumerated() {
            let symbol = value < 0x10000 ? Int(symbols[Int(value)]) : 0
            state = Int(next[state * alphabetSize + symbol])
            for patternIndex in outputs[state] {
                let pattern = patterns[Int(patternIndex)]
                let start = prepared.origin[position - pattern.length + 1]
                let end = prepared.origin[position] + 1
                guard accepts(pattern, from: start, to: end, in: prepared.scalars) else { continue }
                result.append(Match(entry: pattern.entry, text: prepared, start: start, end: end))
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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 3)
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            UTF8.encode(scalar) { bytes.append($0) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
