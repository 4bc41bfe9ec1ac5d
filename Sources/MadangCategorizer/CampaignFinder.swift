import Foundation
import MadangCore

/// Finds campaigns among a hearing's opinions: exact copies once case, spacing,
/// punctuation, Unicode forms and a signature line are set aside; near-copies (typos,
/// Korean re-spaced, a paragraph removed); and form letters with a personal sentence
/// added before or after. A letter and its translation share no wording, so they stay
/// apart; so do opinions that merely share vocabulary or one sentence.
///
/// Each text becomes a set of character 4-grams of its letters and digits (so spacing
/// does not count); MinHash signatures in 16 bands of 4 propose candidate pairs, and a
/// pair joins when its 4-grams overlap enough: a Jaccard similarity of at least
/// ``nearCopy``, or, for texts of comparable length, the shorter contained in the longer
/// at ``formLetter`` or more. Groups are the connected pairs.
public struct CampaignFinder: Sendable {
    /// Jaccard similarity of two texts' 4-grams at which they are near-copies.
    public var nearCopy = 0.7
    /// Share of the shorter text's 4-grams found in the longer at which the longer is the
    /// shorter with something added.
    public var formLetter = 0.85
    /// The shorter text must hold at least this share of the longer's 4-grams for
    /// containment to count: one sentence in common is not a campaign.
    public var comparableLength = 0.4

    public init() {}

    /// One opinion to group.
    public struct Text: Sendable {
        public var id: Int64
        public var text: String

        public init(id: Int64, text: String) {
            self.id = id
            self.text = text
        }
    }

    /// The groups of two or more among `texts`, each a list of ids in the order given;
    /// `apart` are pairs a person said are not one campaign, `together` pairs they said are.
    public func groups(_ texts: [Text], apart: Set<Pair> = [], together: [Pair] = []) -> [[Int64]] {
        let shingles = texts.map { CampaignFinder.shingles(CampaignFinder.normalized($0.text)) }
        let signatures = shingles.map(CampaignFinder.signature)
        var parent = Array(texts.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        func join(_ a: Int, _ b: Int) {
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        let index = Dictionary(texts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var candidates = Set<Pair>()
        for band in 0..<CampaignFinder.bands {
            var buckets: [UInt64: [Int]] = [:]
            for (i, signature) in signatures.enumerated() where !shingles[i].isEmpty {
                var hasher = Hasher()
                for row in 0..<CampaignFinder.rows { hasher.combine(signature[band * CampaignFinder.rows + row]) }
                buckets[UInt64(bitPattern: Int64(hasher.finalize())), default: []].append(i)
            }
            for members in buckets.values where members.count > 1 {
                // A huge bucket is one campaign's copies: linking each to the first suffices.
                for other in members.dropFirst() { candidates.insert(Pair(Int64(members[0]), Int64(other))) }
                if members.count <= 64 {
                    for a in members.indices { for b in members.indices where a < b { candidates.insert(Pair(Int64(members[a]), Int64(members[b]))) } }
                }
            }
        }
        for pair in candidates {
            let (a, b) = (Int(pair.first), Int(pair.second))
            guard !apart.contains(Pair(texts[a].id, texts[b].id)) else { continue }
            if similar(shingles[a], shingles[b]) { join(a, b) }
        }
        for pair in together {
            if let a = index[pair.first], let b = index[pair.second] { join(a, b) }
        }
        var groups: [Int: [Int64]] = [:]
        for i in texts.indices { groups[root(i), default: []].append(texts[i].id) }
        return groups.keys.sorted().compactMap { groups[$0]!.count > 1 ? groups[$0] : nil }
    }

    /// Whether two texts' 4-gram sets (``shingles(_:)`` of ``normalized(_:)``) are one campaign's.
    public func similar(_ a: Set<UInt64>, _ b: Set<UInt64>) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        let shared = small.reduce(0) { $0 + (large.contains($1) ? 1 : 0) }
        let jaccard = Double(shared) / Double(a.count + b.count - shared)
        if jaccard >= nearCopy { return true }
        return Double(small.count) >= comparableLength * Double(large.count) && Double(shared) >= formLetter * Double(small.count)
    }

    /// Two ids, the smaller first: a pair's order does not matter.
    public struct Pair: Hashable, Sendable {
        public let first: Int64
        public let second: Int64

        public init(_ a: Int64, _ b: Int64) {
            (first, second) = a <= b ? (a, b) : (b, a)
        }
    }

    // MARK: - Text

    static let bands = 16
    static let rows = 4

    /// The text as compared: NFKC, lowercase, a closing signature line set aside.
    public static func normalized(_ text: String) -> String {
        var lines = text.precomposedStringWithCompatibilityMapping.lowercased()
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // "Sincerely, / Jane Doe", "홍길동 드림", "— Kim": short closing lines go.
        while let last = lines.last, lines.count > 1, isSignature(last, before: lines.dropLast().last) { lines.removeLast() }
        if let last = lines.last, lines.count > 1, isClosing(last) { lines.removeLast() }
        if lines.count == 1, let only = lines.first {
            // A one-line letter signed at its end: "… 부탁드립니다. 홍길동 드림".
            for marker in [" 드림", " 올림", " 배상"] where only.hasSuffix(marker) {
                if let cut = only.dropLast(marker.count).lastIndex(where: { ".!?。".contains($0) }) {
                    return String(only[...cut])
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func isClosing(_ line: String) -> Bool {
        let closings = ["sincerely", "regards", "best regards", "kind regards", "thank you", "thanks", "yours truly", "respectfully",
                        "감사합니다", "고맙습니다"]
        let bare = line.trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespaces))
        return closings.contains(bare)
    }

    private static func isSignature(_ line: String, before: String?) -> Bool {
        guard line.count <= 40 else { return false }
        let bare = line.trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespaces))
        if ["드림", "올림", "배상", "씀"].contains(where: { bare.hasSuffix($0) }) { return true }
        if line.hasPrefix("—") || line.hasPrefix("-") || line.hasPrefix("from ") { return true }
        if let before, isClosing(before), bare.split(separator: " ").count <= 4 { return true }
        return false
    }

    /// The hashed 4-grams of a text's letters and digits.
    public static func shingles(_ text: String) -> Set<UInt64> {
        let letters = Array(text.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
        guard letters.count >= 4 else { return letters.isEmpty ? [] : [hash(letters[...])] }
        var result = Set<UInt64>()
        for start in 0...(letters.count - 4) { result.insert(hash(letters[start..<(start + 4)])) }
        return result
    }

    private static func hash(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        // FNV-1a: the same on every run, unlike Hasher.
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in scalars {
            value ^= UInt64(scalar.value)
            value &*= 0x0000_0100_0000_01B3
        }
        return value
    }

    /// The MinHash signature: for each of 64 seeded mixes, the least mixed 4-gram.
    static func signature(_ shingles: Set<UInt64>) -> [UInt64] {
        (0..<(bands * rows)).map { seed in
            let salt = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1
            var least = UInt64.max
            for shingle in shingles {
                var x = (shingle ^ salt) &* 0xBF58_476D_1CE4_E5B9
                x ^= x >> 31
                least = min(least, x)
            }
            return least
        }
    }

    /// The sentences of `member` that `representative` does not hold: what a person
    /// added to a form letter.
    public static func addition(of member: String, to representative: String) -> String? {
        func sentences(_ text: String) -> [String] {
            var result: [String] = []
            var current = ""
            for character in text {
                current.append(character)
                if ".!?。\n".contains(character) {
                    let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !trimmed.isEmpty { result.append(trimmed) }
                    current = ""
                }
            }
            let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { result.append(trimmed) }
            return result
        }
        let known = Set(sentences(representative).map { shingles(normalized($0)) })
        let reference = shingles(normalized(representative))
        let added = sentences(member).filter { sentence in
            let grams = shingles(normalized(sentence))
            guard !grams.isEmpty, !known.contains(grams) else { return false }
            // A sentence mostly found in the letter is the letter's, lightly edited.
            let found = grams.reduce(0) { $0 + (reference.contains($1) ? 1 : 0) }
            return Double(found) < 0.6 * Double(grams.count)
        }
        return added.isEmpty ? nil : added.joined(separator: " ")
    }
}
