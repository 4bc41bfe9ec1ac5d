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
        /// A number for the term's text: the same for every entry with the same term.
        public var termNumber: Int
        /// The folded text, as UTF-8.
        fileprivate let text: [UInt8]
        /// Where, in the folded text's UTF-8 bytes.
        public let start: Int
        public let end: Int

        /// The word or words where the term was found ("데이터허브를" has "데이터허브").
        public var found: String { MatchText.foundWord(text, start: start, end: end) }
    }

    private struct Pattern: Sendable {
        var entry: Entry
        var termNumber: Int
        /// The term folded, as UTF-8, with runs of spaces as one space.
        var spaced: [UInt8]
        /// How many bytes the term has without its spaces.
        var length: Int
        var wordStart: Bool
        var wordEnd: Bool
    }

    /// Each byte's class: the bytes no term uses share class 0, spaces have their own.
    private var byteClass = [UInt8](repeating: 0, count: 256)
    private var classCount = 1
    /// The automaton over byte classes as a table, `table[state << shift | class]`, with
    /// failure links folded in and the top bit of an entry set when some pattern ends
    /// in that state: one load per byte. Entries are 16 bits wide when there are fewer
    /// than 32,768 states (`small`), so the table stays in the processor's cache.
    private var small: [UInt16] = []
    private var large: [UInt32] = []
    private var shift = 7
    /// The patterns ending at each state, its own and those of its failure chain:
    /// `outputs[outputStart[state] ..< outputStart[state + 1]]`.
    private var outputs: [Int32] = []
    private var outputStart: [Int32] = []
    private var patterns: [Pattern] = []

    public init(_ entries: [Entry]) {
        var skeletons: [[UInt8]] = []
        var termNumbers: [String: Int] = [:]
        for entry in entries {
            var spaced: [UInt8] = []
            for value in MatchText.fold(entry.term) {
                if MatchText.isSpace(value) {
                    if spaced.last != 0x20, !spaced.isEmpty { spaced.append(0x20) }
                } else if let scalar = Unicode.Scalar(value) {
                    UTF8.encode(scalar) { spaced.append($0) }
                }
            }
            if spaced.last == 0x20 { spaced.removeLast() }
            let skeleton = spaced.filter { $0 != 0x20 }
            guard let first = skeleton.first, let last = skeleton.last else { continue }
            let termNumber = termNumbers[entry.term] ?? termNumbers.count
            termNumbers[entry.term] = termNumber
            patterns.append(Pattern(
                entry: entry, termNumber: termNumber, spaced: spaced, length: skeleton.count,
                wordStart: MatchText.isASCIIWordByte(first), wordEnd: MatchText.isASCIIWordByte(last)))
            skeletons.append(skeleton)
        }
        // The trie, with 0 meaning "no edge" (the root is never a child).
        var trie: [[Int32]] = [Array(repeating: 0, count: 256)]
        var own: [[Int32]] = [[]]
        for (index, skeleton) in skeletons.enumerated() {
            var state = 0
            for byte in skeleton {
                if trie[state][Int(byte)] == 0 {
                    trie.append(Array(repeating: 0, count: 256))
                    own.append([])
                    trie[state][Int(byte)] = Int32(trie.count - 1)
                }
                state = Int(trie[state][Int(byte)])
            }
            own[state].append(Int32(index))
        }
        for skeleton in skeletons {
            for byte in skeleton where byteClass[Int(byte)] == 0 {
                byteClass[Int(byte)] = UInt8(classCount)
                classCount += 1
            }
        }
        let spaceClass = classCount
        classCount += 1
        for space in [0x20, 0x09, 0x0A, 0x0D] { byteClass[space] = UInt8(spaceClass) }
        // Breadth first: each state's missing edges follow its failure state's.
        let width = classCount
        var next = [UInt32](repeating: 0, count: trie.count * width)
        var failure = Array(repeating: 0, count: trie.count)
        var queue: [Int] = []
        for byte in 0..<256 where trie[0][byte] != 0 {
            next[Int(byteClass[byte])] = UInt32(trie[0][byte])
            queue.append(Int(trie[0][byte]))
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            own[state].append(contentsOf: own[failure[state]])
            for byte in 0..<256 where byteClass[byte] != 0 && byteClass[byte] != UInt8(spaceClass) {
                let symbol = Int(byteClass[byte])
                let child = Int(trie[state][byte])
                if child != 0 {
                    failure[child] = Int(next[failure[state] * width + symbol])
                    next[state * width + symbol] = UInt32(child)
                    queue.append(child)
                } else {
                    next[state * width + symbol] = next[failure[state] * width + symbol]
                }
            }
        }
        // Spaces leave every state as it is: terms match whatever the spacing, and
        // ``accepts`` checks the spacing of English phrases afterwards.
        for state in trie.indices { next[state * width + spaceClass] = UInt32(state) }
        for state in own.indices {
            outputStart.append(Int32(outputs.count))
            outputs += own[state]
        }
        outputStart.append(Int32(outputs.count))
        shift = classCount <= 128 ? 7 : 8
        if trie.count < 1 << 15 {
            small = Array(repeating: 0, count: trie.count << shift)
        } else {
            large = Array(repeating: 0, count: trie.count << shift)
        }
        for state in trie.indices {
            for symbol in 0..<width {
                let target = Int(next[state * width + symbol])
                let ends = !own[target].isEmpty
                if small.isEmpty {
                    large[state << shift | symbol] = UInt32(target) | (ends ? 1 << 31 : 0)
                } else {
                    small[state << shift | symbol] = UInt16(target) | (ends ? 1 << 15 : 0)
                }
            }
        }
    }

    /// Every match of every term in `text`, in order of where they end.
    public func matches(in text: String) -> [Match] {
        matches(folded: MatchText.foldedUTF8(text))
    }

    /// Every match in the parts of a text (a title and a body), read as one text
    /// with a line break between parts.
    public func matches(inParts parts: [String]) -> [Match] {
        matches(folded: MatchText.foldedUTF8(parts))
    }

    private func matches(folded: [UInt8]) -> [Match] {
        var result: [Match] = []
        if small.isEmpty {
            large.withUnsafeBufferPointer { scan(folded, table: $0, into: &result) }
        } else {
            small.withUnsafeBufferPointer { scan(folded, table: $0, into: &result) }
        }
        return result
    }

    private func scan<Cell: FixedWidthInteger & UnsignedInteger>(
        _ folded: [UInt8], table: UnsafeBufferPointer<Cell>, into result: inout [Match]
    ) {
        let flag: Cell = 1 << (Cell.bitWidth - 1)
        let shift = self.shift
        folded.withUnsafeBufferPointer { bytes in
            byteClass.withUnsafeBufferPointer { byteClass in
                let count = bytes.count
                var state = 0
                var index = 0
                while index < count {
                    // The hot loop: one table load per byte until some pattern ends.
                    var entry: Cell = 0
                    repeat {
                        entry = table[state &<< shift | Int(byteClass[Int(bytes[index])])]
                        state = Int(entry & ~flag)
                        index += 1
                    } while entry & flag == 0 && index < count
                    if entry & flag != 0 { collect(state: state, end: index, in: bytes, folded: folded, into: &result) }
                }
            }
        }
    }

    /// Adds the patterns that end in `state` at `end` and pass ``accepts``.
    @inline(never)
    private func collect(state: Int, end: Int, in bytes: UnsafeBufferPointer<UInt8>, folded: [UInt8], into result: inout [Match]) {
        for output in Int(outputStart[state])..<Int(outputStart[state + 1]) {
            let pattern = patterns[Int(outputs[output])]
            // Where the term starts: `length` bytes back, not counting spaces.
            var start = end, remaining = pattern.length
            while remaining > 0 {
                start -= 1
                if !MatchText.isASCIISpace(bytes[start]) { remaining -= 1 }
            }
            guard accepts(pattern, from: start, to: end, in: bytes) else { continue }
            result.append(Match(entry: pattern.entry, termNumber: pattern.termNumber, text: folded, start: start, end: end))
        }
    }

    private func accepts(_ pattern: Pattern, from start: Int, to end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // English words end where ASCII letters and digits end, so "bus로" (with a particle) is "bus".
        if pattern.wordStart, start > 0, MatchText.isASCIIWordByte(bytes[start - 1]) { return false }
        if pattern.wordEnd, end < bytes.count, MatchText.isASCIIWordByte(bytes[end]) {
            var suffixEnd = end
            while suffixEnd < bytes.count, MatchText.isASCIIWordByte(bytes[suffixEnd]) { suffixEnd += 1 }
            guard TermMatcher.isEnding(bytes[end..<suffixEnd]) else { return false }
        }
        if pattern.wordStart || pattern.wordEnd {
            // English phrases keep their spacing: "bus stop" is not "busstop".
            var index = start, expected = 0
            let spaced = pattern.spaced
            while index < end {
                if MatchText.isASCIISpace(bytes[index]) {
                    while index < end && MatchText.isASCIISpace(bytes[index]) { index += 1 }
                    guard expected < spaced.count, spaced[expected] == 0x20 else { return false }
                } else {
                    guard expected < spaced.count, spaced[expected] == bytes[index] else { return false }
                    index += 1
                }
                expected += 1
            }
            if expected != spaced.count { return false }
        }
        return true
    }

    /// -s, -es, -d, -ed and -ing.
    private static func isEnding(_ suffix: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        switch suffix.count {
        case 1: return suffix.first == UInt8(ascii: "s") || suffix.first == UInt8(ascii: "d")
        case 2: return suffix.first == UInt8(ascii: "e") && (suffix.last == UInt8(ascii: "s") || suffix.last == UInt8(ascii: "d"))
        case 3: return suffix.elementsEqual("ing".utf8)
        default: return false
        }
    }
}

extension MatchText {
    /// The whole word or words around a match, as printed in evidence.
    static func foundWord(_ bytes: [UInt8], start: Int, end: Int) -> String {
        var from = start
        while from > 0 {
            var lead = from - 1
            while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard isLetterOrDigit(bytes, from: lead, to: from) else { break }
            from = lead
        }
        var to = end
        while to < bytes.count {
            let lead = bytes[to]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            guard to + length <= bytes.count, isLetterOrDigit(bytes, from: to, to: to + length) else { break }
            to += length
        }
        return String(decoding: bytes[from..<to], as: UTF8.self)
    }

    /// Whether the character in `bytes[from..<to]` is a letter or digit; ASCII and
    /// Hangul syllables are answered without decoding.
    private static func isLetterOrDigit(_ bytes: [UInt8], from: Int, to: Int) -> Bool {
        let lead = bytes[from]
        if lead < 0x80 { return isASCIIWordByte(lead) || (lead >= 0x41 && lead <= 0x5A) }
        if to - from == 3 && lead >= 0xEA && lead <= 0xED {
            let value = (UInt32(lead) & 0x0F) << 12 | (UInt32(bytes[from + 1]) & 0x3F) << 6 | (UInt32(bytes[from + 2]) & 0x3F)
            if (0xAC00...0xD7A3).contains(value) { return true }
        }
        guard let value = String(decoding: bytes[from..<to], as: UTF8.self).unicodeScalars.first?.value else { return false }
        return isLetterOrDigit(value)
    }
}
