import MadangCore

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
        /// The term folded, as UTF-8, with runs of spaces as one space.
        var spaced: [UInt8]
    }

    /// Each byte's class: the bytes no term uses share class 0, spaces have their own.
    private var byteClass = [UInt8](repeating: 0, count: 256)
    private var classCount = 1
    /// The automaton over byte classes as a table, one load per byte. A state's row of
    /// entries starts at `state << shift` (plus a few entries for an ending state, see
    /// below), one entry per class; an entry holds the next state as the number that,
    /// times eight bytes, is that state's row's place in the table: so the next load's
    /// address is this entry times eight plus the class's place, which the processor
    /// adds as part of the load, and nothing but loads stands in the chain from one byte
    /// to the next. That number is `state << (shift - 2)` for 16-bit entries (`small`,
    /// which keeps the table in the processor's cache: 1,797 states, 460 KB) and
    /// `state << (shift - 1)` for 32-bit ones (`large`). Its lowest bit says whether some
    /// pattern ends at the state, so that test stays off the chain, and three scans at
    /// once test it with one `or`; the row of such a state lies as many entries further
    /// on as that bit adds to the address (4 of 16 bits, 2 of 32), where it points.
    private var small: [UInt16] = []
    private var large: [UInt32] = []
    private var shift = 7
    /// How far an entry is shifted from its state's number: `entry >> entryShift` is the state.
    private var entryShift = 5
    /// The patterns ending at each state, its own and those of its failure chain:
    /// `outputs[outputStart[state] ..< outputStart[state + 1]]` (states numbered as in the
    /// table), each the pattern's number with the top bit set for an English term, whose
    /// edges need checking.
    private var outputs: [UInt32] = []
    private var outputStart: [Int32] = []
    private var patterns: [Pattern] = []
    /// For each pattern, what it stands for and its term's UTF-8.
    private var info: [HitInfo] = []
    private var termUTF8: [[UInt8]] = []
    /// The longest term, in bytes without spaces: no state remembers more of the text.
    private var longest = 0

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
            patterns.append(Pattern(entry: entry, spaced: spaced))
            skeletons.append(skeleton)
            info.append(HitInfo(owner: entry.owner, termNumber: termNumber, weight: entry.weight, excludes: entry.excludes,
                                length: skeleton.count, hasSpaces: spaced.count != skeleton.count,
                                wordStart: MatchText.isASCIIWordByte(first), wordEnd: MatchText.isASCIIWordByte(last)))
            termUTF8.append(Array(entry.term.utf8))
            longest = max(longest, skeleton.count)
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

        // The trie, built from the skeletons in sorted order: each shares with the one
        // before it exactly the path of their common prefix, so no lookup is needed and
        // memory stays a few numbers a state (a row of 256 a state took gigabytes for a
        // large taxonomy).
        let order = skeletons.indices.sorted { skeletons[$0].lexicographicallyPrecedes(skeletons[$1]) }
        var parent: [Int32] = [0], label: [UInt8] = [0]
        var own: [[Int32]] = [[]]
        var path: [Int32] = [0]  // the states along the previous skeleton, the root first
        var previous: [UInt8] = []
        for index in order {
            let skeleton = skeletons[index]
            var shared = 0
            while shared < min(skeleton.count, previous.count) && skeleton[shared] == previous[shared] { shared += 1 }
            path.removeSubrange((shared + 1)...)
            for byte in skeleton[shared...] {
                parent.append(path.last!)
                label.append(byte)
                own.append([])
                path.append(Int32(parent.count - 1))
            }
            own[Int(path.last!)].append(Int32(index))
            previous = skeleton
        }
        let states = parent.count
        // Each state's children, in the order of their bytes: children[first[s] ..< first[s + 1]].
        var first = [Int32](repeating: 0, count: states + 1)
        for state in 1..<states { first[Int(parent[state]) + 1] += 1 }
        for state in 0..<states { first[state + 1] += first[state] }
        var children = [Int32](repeating: 0, count: max(0, states - 1))
        var filled = first
        for state in 1..<states {
            let at = Int(filled[Int(parent[state])])
            children[at] = Int32(state)
            filled[Int(parent[state])] += 1
        }
        func child(_ state: Int, _ byte: UInt8) -> Int? {
            var low = Int(first[state]), high = Int(first[state + 1])
            while low < high {
                let middle = (low + high) / 2
                let candidate = Int(children[middle])
                if label[candidate] == byte { return candidate }
                if label[candidate] < byte { low = middle + 1 } else { high = middle }
            }
            return nil
        }
        // Breadth first: each state's failure state, the longest proper suffix of its path
        // that is a path too, and the patterns ending at it through that chain.
        var failure = [Int32](repeating: 0, count: states)
        var queue: [Int32] = []
        queue.reserveCapacity(states)
        queue.append(0)
        var head = 0
        while head < queue.count {
            let state = Int(queue[head])
            head += 1
            for at in Int(first[state])..<Int(first[state + 1]) {
                let next = Int(children[at])
                if state != 0 {
                    var back = Int(failure[state])
                    while back != 0 && child(back, label[next]) == nil { back = Int(failure[back]) }
                    failure[next] = Int32(child(back, label[next]) ?? 0)
                    own[next].append(contentsOf: own[Int(failure[next])])
                }
                queue.append(Int32(next))
            }
        }
        // Numbered breadth first (the root 0, then the states one byte deep, …), so the
        // states most texts visit share the table's first rows.
        var number = [Int32](repeating: 0, count: states)
        for (new, old) in queue.enumerated() { number[Int(old)] = Int32(new) }
        for old in queue {
            outputStart.append(Int32(outputs.count))
            outputs += own[Int(old)].map { UInt32($0) | (info[Int($0)].wordStart || info[Int($0)].wordEnd ? TermMatcher.english : 0) }
        }
        outputStart.append(Int32(outputs.count))
        // Entries of 16 bits when every state's number fits shifted; else of 32.
        let width = classCount
        shift = classCount + 4 <= 128 ? 7 : classCount + 4 <= 256 ? 8 : 9
        let useSmall = states << (shift - 2) <= 1 << 16
        entryShift = useSmall ? shift - 2 : shift - 1
        let flagShift = useSmall ? 4 : 2
        let cells = states << shift
        if useSmall { small = Array(repeating: 0, count: cells) } else { large = Array(repeating: 0, count: cells) }
        func row(_ old: Int) -> Int { Int(number[old]) << shift + (own[old].isEmpty ? 0 : flagShift) }
        func entry(_ old: Int) -> Int { Int(number[old]) << entryShift | (own[old].isEmpty ? 0 : 1) }
        func set(_ cell: Int, _ value: Int) {
            if useSmall { small[cell] = UInt16(value) } else { large[cell] = UInt32(value) }
        }
        func get(_ cell: Int) -> Int { useSmall ? Int(small[cell]) : Int(large[cell]) }
        // Each row in breadth-first order: a child where there is one, else what the failure
        // state does with the class (its row is filled, being nearer the root). Spaces
        // leave every state as it is: terms match whatever the spacing, and ``accepts``
        // checks the spacing of English phrases afterwards.
        let rootEntry = entry(0)
        for old in queue.map(Int.init) {
            let base = row(old)
            if old == 0 {
                for symbol in 0..<width { set(base + symbol, rootEntry) }
            } else {
                let back = row(Int(failure[old]))
                for symbol in 0..<width { set(base + symbol, get(back + symbol)) }
            }
            for at in Int(first[old])..<Int(first[old + 1]) {
                let next = Int(children[at])
                set(base + Int(byteClass[Int(label[next])]), entry(next))
            }
            set(base + spaceClass, entry(old))
        }
    }

    /// Every match of every term in `text`, in order of where they end.
    public func matches(in text: String) -> [Match] {
        matches(inParts: [text])
    }

    /// Every match in the parts of a text (a title and a body), read as one text
    /// with a line break between parts.
    public func matches(inParts parts: [String]) -> [Match] {
        let (text, hits) = self.hits(inParts: parts)
        return hits.map { hit in
            let pattern = patterns[Int(hit.pattern)]
            return Match(entry: pattern.entry, termNumber: info[Int(hit.pattern)].termNumber, text: text, start: start(of: hit, in: text),
                         end: Int(hit.end))
        }
    }

    /// One place a pattern was found, in the folded text's UTF-8 bytes: plain numbers,
    /// so collecting them costs no reference counting.
    struct Hit: Equatable {
        var pattern: Int32
        /// Where it ends; ``start(of:in:)`` says where it starts.
        var end: Int32
    }

    /// What a hit's pattern stands for.
    struct HitInfo {
        var owner: Int
        var termNumber: Int
        var weight: Double
        var excludes: Bool
        /// The term's bytes without spaces, whether it has any, and whether it is English at
        /// its start and end.
        var length: Int
        var hasSpaces: Bool
        var wordStart: Bool
        var wordEnd: Bool
    }

    /// The parts folded as one text, and every hit in it in order of where they end.
    /// `inOneScan` reads even a long text as one scan (for tests: the answer is the same).
    func hits(inParts parts: [String], inOneScan: Bool = false) -> (text: [UInt8], hits: [Hit]) {
        var scanned = Scanned()
        hits(inParts: parts, into: &scanned, inOneScan: inOneScan)
        return (scanned.text, Array(scanned.hits))
    }

    /// A folded text and its hits, kept from one text to the next so their memory is reused
    /// (the hits are a class: a copy of this shares them).
    struct Scanned {
        var text: [UInt8] = []
        let hits = HitList()
    }

    /// ``hits(inParts:inOneScan:)`` into `scan`.
    func hits(inParts parts: [String], into found: inout Scanned, inOneScan: Bool = false) {
        MatchText.fold(parts, into: &found.text)
        found.hits.removeAll()
        if small.isEmpty {
            large.withUnsafeBufferPointer { scan(found.text, table: $0, inOneScan: inOneScan, into: found.hits) }
        } else {
            small.withUnsafeBufferPointer { scan(found.text, table: $0, inOneScan: inOneScan, into: found.hits) }
        }
    }

    func info(_ hit: Hit) -> HitInfo { info[Int(hit.pattern)] }

    /// What each pattern stands for, in the patterns' order (a hit's `pattern` indexes it).
    var patternInfo: [HitInfo] { info }

    /// The term of a hit, as the taxonomy spells it.
    func term(_ hit: Hit) -> String { patterns[Int(hit.pattern)].entry.term }

    /// The term of a hit as UTF-8, for comparing with the text without making a string.
    func termUTF8(_ hit: Hit) -> [UInt8] { termUTF8[Int(hit.pattern)] }

    /// Scans `folded`. A long text is read as three parts at once, each with its own
    /// state: a scan waits on one table load per byte, and independent loads overlap
    /// (profiled on the benchmark's comments: the scan went from about 2.0 to 1.2 s a
    /// million items with two parts at once; three did no worse). Each part but the first
    /// starts `lead` bytes early, from the root, without reporting: reading at least the
    /// longest term's bytes (spaces aside) before its start gives the state a single
    /// scan would have there, since no state remembers more. Each part reports the
    /// matches ending in it.
    private func scan<Cell: FixedWidthInteger & UnsignedInteger>(
        _ folded: [UInt8], table: UnsafeBufferPointer<Cell>, inOneScan: Bool, into result: HitList
    ) {
        let entryShift = self.entryShift
        folded.withUnsafeBufferPointer { bytes in
            byteClass.withUnsafeBufferPointer { byteClass in
                let count = bytes.count
                guard let table = table.baseAddress else { return }
                // The next entry: the class's column, then the row the entry names (an
                // entry counts eight bytes a unit: known here, so it is part of the load).
                @inline(__always) func next(_ entry: Int, _ byte: UInt8) -> Int {
                    Int((table + Int(byteClass[Int(byte)]))[entry &* (8 / MemoryLayout<Cell>.stride)])
                }
                var entry0 = 0, index0 = 0
                // Bytes read before a part's start: the longest term's, and some spaces.
                let lead = longest + longest / 2 + 4
                let length = (count + 2 * lead) / 3
                if !inOneScan, length >= 2 * lead, let base = bytes.baseAddress,
                   enoughLetters(in: bytes, before: length, within: lead),
                   enoughLetters(in: bytes, before: 2 * length - lead, within: lead) {
                    // Part 0 is [0, length), part 1 [length, 2 length - lead), part 2 the rest,
                    // each read from `lead` bytes early: all three read `length` bytes.
                    let start1 = length, start2 = 2 * length - lead
                    let (lane0, lane1, lane2) = (base, base + start1 - lead, base + start2 - lead)
                    var entry1 = 0, entry2 = 0
                    var offset = 0
                    while offset < length {
                        entry0 = next(entry0, lane0[offset])
                        entry1 = next(entry1, lane1[offset])
                        entry2 = next(entry2, lane2[offset])
                        offset += 1
                        if (entry0 | entry1 | entry2) & 1 != 0 {
                            if entry0 & 1 != 0 { collect(state: entry0 >> entryShift, end: offset, in: bytes, into: result) }
                            if entry1 & 1 != 0 && offset > lead {
                                collect(state: entry1 >> entryShift, end: start1 - lead + offset, in: bytes, into: result)
                            }
                            if entry2 & 1 != 0 && offset > lead {
                                collect(state: entry2 >> entryShift, end: start2 - lead + offset, in: bytes, into: result)
                            }
                        }
                    }
                    // Part 2 may be longer by up to two bytes.
                    var index2 = start2 - lead + length
                    while index2 < count {
                        entry2 = next(entry2, bytes[index2])
                        index2 += 1
                        if entry2 & 1 != 0 { collect(state: entry2 >> entryShift, end: index2, in: bytes, into: result) }
                    }
                    // In the order of where they end, as one scan finds them: the parts
                    // found theirs in turns, each part's in order, so this sort is short.
                    for later in result.indices.dropFirst() {
                        var place = later
                        let hit = result[later]
                        while place > 0 && result[place - 1].end > hit.end {
                            result[place] = result[place - 1]
                            place -= 1
                        }
                        result[place] = hit
                    }
                    return
                }
                while index0 < count {
                    // The hot loop: one table load per byte until some pattern ends.
                    repeat {
                        entry0 = next(entry0, bytes[index0])
                        index0 += 1
                    } while entry0 & 1 == 0 && index0 < count
                    if entry0 & 1 != 0 { collect(state: entry0 >> entryShift, end: index0, in: bytes, into: result) }
                }
            }
        }
    }

    /// Whether the `lead` bytes before `start` hold at least the longest term's number of
    /// bytes that are not spaces (else, in text with long runs of spaces, one scan it is).
    private func enoughLetters(in bytes: UnsafeBufferPointer<UInt8>, before start: Int, within lead: Int) -> Bool {
        // Bits 9, 10, 13 and 32: tab, line feed, carriage return and space; no branches.
        let spaceBits: UInt64 = 1 << 9 | 1 << 10 | 1 << 13 | 1 << 32
        var spaces: UInt64 = 0
        for index in (start - lead)..<start {
            let byte = UInt64(bytes[index])
            spaces &+= (spaceBits &>> byte) & (byte < 64 ? 1 : 0)
        }
        return lead - Int(spaces) >= longest
    }

    /// Adds the patterns that end in `state` at `end` and pass ``accepts``.
    /// The flag of an English term in ``outputs``.
    private static let english: UInt32 = 1 << 31

    @inline(never)
    private func collect(state: Int, end: Int, in bytes: UnsafeBufferPointer<UInt8>, into result: HitList) {
        outputs.withUnsafeBufferPointer { outputs in
            for output in Int(outputStart[state])..<Int(outputStart[state + 1]) {
                let entry = outputs[output]
                let number = Int32(bitPattern: entry & ~TermMatcher.english)
                // Other terms match anywhere; only English ones have edges to check.
                if entry & TermMatcher.english != 0 {
                    let pattern = info[Int(number)]
                    let start: Int
                    if pattern.hasSpaces {
                        start = TermMatcher.start(end: end, length: pattern.length, in: bytes)
                    } else {
                        // One word is itself only with no space between its letters.
                        start = end - pattern.length
                        guard !bytes[start..<end].contains(where: MatchText.isASCIISpace) else { continue }
                    }
                    guard accepts(Int(number), pattern, from: start, to: end, in: bytes) else { continue }
                }
                result.append(Hit(pattern: number, end: Int32(end)))
            }
        }
    }

    /// Where a term of `length` bytes (without spaces) that ends at `end` starts.
    private static func start(end: Int, length: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var start = end, remaining = length
        while remaining > 0 {
            start -= 1
            if !MatchText.isASCIISpace(bytes[start]) { remaining -= 1 }
        }
        return start
    }

    /// Where `hit` starts in the folded `text` it was found in.
    func start(of hit: Hit, in text: [UInt8]) -> Int {
        text.withUnsafeBufferPointer { TermMatcher.start(end: Int(hit.end), length: info[Int(hit.pattern)].length, in: $0) }
    }

    /// Whether an English pattern found at `start..<end` stands as a word (or words)
    /// there, with the spacing of the term.
    private func accepts(_ number: Int, _ pattern: HitInfo, from start: Int, to end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // English words end where ASCII letters and digits end, so "bus로" (with a particle) is "bus".
        if pattern.wordStart, start > 0, MatchText.isASCIIWordByte(bytes[start - 1]) { return false }
        if pattern.wordEnd, end < bytes.count, MatchText.isASCIIWordByte(bytes[end]) {
            var suffixEnd = end
            while suffixEnd < bytes.count, MatchText.isASCIIWordByte(bytes[suffixEnd]) { suffixEnd += 1 }
            guard TermMatcher.isEnding(bytes[end..<suffixEnd]) else { return false }
        }
        if pattern.hasSpaces {
            // English phrases keep their spacing: "bus stop" is not "busstop".
            var index = start, expected = 0
            let spaced = patterns[number].spaced
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
        String(decoding: bytes[foundRange(bytes, start: start, end: end)], as: UTF8.self)
    }

    /// Where the whole word or words around a match are, in `bytes`.
    static func foundRange(_ bytes: [UInt8], start: Int, end: Int) -> Range<Int> {
        var from = start
        while from > 0 {
            var lead = from - 1
            while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard isLetterOrDigit(bytes, from: lead, to: from) else { break }
            from = lead
        }
        var to = end
        while to < bytes.count {
            let length = max(UTF8Walk.sequenceLength(lead: bytes[to]), 1)
            guard to + length <= bytes.count, isLetterOrDigit(bytes, from: to, to: to + length) else { break }
            to += length
        }
        return from..<to
    }

    /// Whether the character in `bytes[from..<to]` is a letter or digit; ASCII and
    /// Hangul syllables are answered without decoding. It reads its own bytes rather than
    /// through `UTF8Walk`: it runs at every hit of the matcher, whose speed
    /// `scripts/bench-categorize` measures against C.
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
