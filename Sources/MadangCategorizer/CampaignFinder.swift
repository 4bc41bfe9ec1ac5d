import Foundation
import MadangCore

/// Finds campaigns among a hearing's opinions: exact copies once case, spacing,
/// punctuation, Unicode forms and a signature line are set aside; near-copies (typos,
/// Korean re-spaced, a paragraph removed); and form letters with a personal sentence
/// added before or after. A letter and its translation share no wording, so they stay
/// apart; so do opinions that merely share vocabulary or one sentence.
///
/// Each text becomes a set of character 4-grams of its letters and digits (so spacing
/// does not count); MinHash signatures in 20 bands of 3 propose candidate pairs, and a
/// pair joins when its 4-grams overlap enough: a Jaccard similarity of at least
/// ``nearCopy``, or, for texts of comparable length, the shorter contained in the longer
/// at ``formLetter`` or more and making at least half of it. Groups are the connected pairs,
/// then kept to the members like their letter (its most common form): texts built from
/// the same stock sentences can chain into one component without being copies of anything.
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
        let index = Dictionary(texts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var candidates: [UInt64] = []
        func candidate(_ a: Int, _ b: Int) { candidates.append(UInt64(min(a, b)) << 32 | UInt64(max(a, b))) }
        for band in 0..<CampaignFinder.bands {
            var buckets: [UInt64: [Int]] = [:]
            for (i, signature) in signatures.enumerated() where !shingles[i].isEmpty {
                var hasher = Hasher()
                for row in 0..<CampaignFinder.rows { hasher.combine(signature[band * CampaignFinder.rows + row]) }
                buckets[UInt64(bitPattern: Int64(hasher.finalize())), default: []].append(i)
            }
            for members in buckets.values where members.count > 1 {
                if members.count <= 16 {
                    for a in members.indices { for b in members.indices where a < b { candidate(members[a], members[b]) } }
                } else {
                    // A large bucket is mostly one campaign's copies: each is compared with the
                    // first and with the one before it, not with every other.
                    for (place, other) in members.enumerated().dropFirst() {
                        candidate(members[0], other)
                        candidate(members[place - 1], other)
                    }
                }
            }
        }
        candidates.sort()
        var links: [(Int, Int)] = []
        var previous: UInt64?
        for key in candidates where key != previous {
            previous = key
            let (a, b) = (Int(key >> 32), Int(key & 0xFFFF_FFFF))
            guard !apart.contains(Pair(texts[a].id, texts[b].id)) else { continue }
            if similar(shingles[a], shingles[b]) { links.append((a, b)) }
        }
        var groups: [[Int]] = []
        var pending = [Array(texts.indices)]
        while let subset = pending.popLast() {
            for component in CampaignFinder.components(of: subset, links: links) where component.count > 1 {
                // The letter: the most common 4-gram set among the members, the first of them.
                var counts: [[UInt32]: Int] = [:]
                for member in component { counts[shingles[member], default: 0] += 1 }
                let center = component.max { (counts[shingles[$0]]!, -$0) < (counts[shingles[$1]]!, -$1) }!
                let core = component.filter {
                    $0 == center || (similar(shingles[$0], shingles[center]) && !apart.contains(Pair(texts[$0].id, texts[center].id)))
                }
                if core.count > 1 { groups.append(core) }
                let rest = component.filter { !core.contains($0) }
                if rest.count > 1 && rest.count < component.count { pending.append(rest) }
            }
        }
        // A person's "together" joins whole groups (or lone texts).
        var owner: [Int: Int] = [:]
        for (number, group) in groups.enumerated() { for member in group { owner[member] = number } }
        for pair in together {
            guard let a = index[pair.first], let b = index[pair.second] else { continue }
            switch (owner[a], owner[b]) {
            case let (x?, y?) where x != y:
                groups[x] += groups[y]
                for member in groups[y] { owner[member] = x }
                groups[y] = []
            case (let x?, nil):
                groups[x].append(b)
                owner[b] = x
            case (nil, let y?):
                groups[y].append(a)
                owner[a] = y
            case (nil, nil):
                owner[a] = groups.count
                owner[b] = groups.count
                groups.append([a, b])
            default:
                break
            }
        }
        return groups.filter { $0.count > 1 }.map { $0.sorted().map { texts[$0].id } }.sorted { $0[0] < $1[0] }
    }

    /// For each of `texts` that copies one of `letters`, that letter's id: the letters that
    /// share a MinHash band with the text are the only ones compared, so a large import into a
    /// hearing of many campaigns costs about as much as reading it.
    public func letters(of texts: [Text], among letters: [Text]) -> [Int64: Int64] {
        let letterGrams = letters.map { CampaignFinder.shingles(CampaignFinder.normalized($0.text)) }
        var buckets: [Int: [Int: [Int]]] = [:]  // band → band hash → letters
        for (index, grams) in letterGrams.enumerated() where !grams.isEmpty {
            let signature = CampaignFinder.signature(grams)
            for band in 0..<CampaignFinder.bands { buckets[band, default: [:]][CampaignFinder.bandHash(signature, band), default: []].append(index) }
        }
        var result: [Int64: Int64] = [:]
        for text in texts {
            let grams = CampaignFinder.shingles(CampaignFinder.normalized(text.text))
            guard !grams.isEmpty else { continue }
            let signature = CampaignFinder.signature(grams)
            var tried = Set<Int>()
            search: for band in 0..<CampaignFinder.bands {
                for letter in buckets[band]?[CampaignFinder.bandHash(signature, band)] ?? [] where tried.insert(letter).inserted {
                    if similar(grams, letterGrams[letter]) {
                        result[text.id] = letters[letter].id
                        break search
                    }
                }
            }
        }
        return result
    }

    static func bandHash(_ signature: [UInt64], _ band: Int) -> Int {
        var hasher = Hasher()
        for row in 0..<rows { hasher.combine(signature[band * rows + row]) }
        return hasher.finalize()
    }

    /// The connected components of `subset` under `links` (pairs outside it ignored).
    static func components(of subset: [Int], links: [(Int, Int)]) -> [[Int]] {
        var parent: [Int: Int] = [:]
        for member in subset { parent[member] = member }
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i]! != i {
                parent[i] = parent[parent[i]!]!
                i = parent[i]!
            }
            return i
        }
        for (a, b) in links where parent[a] != nil && parent[b] != nil {
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var groups: [Int: [Int]] = [:]
        for member in subset { groups[root(member), default: []].append(member) }
        return Array(groups.values)
    }

    /// Whether two texts' 4-gram sets (``shingles(_:)`` of ``normalized(_:)``) are one campaign's.
    public func similar(_ a: [UInt32], _ b: [UInt32]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        // Both sorted: one merge counts what they share.
        var shared = 0, i = 0, j = 0
        while i < small.count && j < large.count {
            if small[i] == large[j] {
                shared += 1
                i += 1
                j += 1
            } else if small[i] < large[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let jaccard = Double(shared) / Double(a.count + b.count - shared)
        if jaccard >= nearCopy { return true }
        return Double(small.count) >= comparableLength * Double(large.count) && Double(shared) >= formLetter * Double(small.count)
            && Double(shared) >= 0.5 * Double(large.count)
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

    static let bands = 20
    static let rows = 3

    /// The text as compared: NFKC, lowercase, a closing signature line set aside.
    public static func normalized(_ text: String) -> String {
        // NFKC only where it can change something: full-width and compatibility forms.
        let folded = text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x00A0...0x00BF, 0x2000...0x33FF, 0xF900...0xFFEF, 0x1D400...0x1D7FF: true
            default: false
            }
        } ? text.precomposedStringWithCompatibilityMapping : text
        // Lines split and trimmed on their UTF-8 bytes: by Character it took most of the time.
        var lines: [String] = []
        let bytes = Array(folded.lowercased().utf8)
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x0A || bytes[end] == 0x0D {
            var (from, to) = (start, end)
            while from < to && (bytes[from] == 0x20 || bytes[from] == 0x09) { from += 1 }
            while to > from && (bytes[to - 1] == 0x20 || bytes[to - 1] == 0x09) { to -= 1 }
            if to > from { lines.append(String(decoding: bytes[from..<to], as: UTF8.self)) }
            start = end + 1
        }
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

    /// The hashed 4-grams of a text's letters and digits, sorted, each once: four bytes a
    /// 4-gram keeps a million texts' sets in memory.
    public static func shingles(_ text: String) -> [UInt32] {
        // Letters and digits: ASCII by range, the rest by their Unicode properties
        // (CharacterSet's lookup took most of the time of grouping 100,000 texts).
        var letters: [UInt32] = []
        letters.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let keep = switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0xAC00...0xD7A3: true
            case 0..<0x80: false
            default: scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            if keep { letters.append(scalar.value) }
        }
        guard letters.count >= 4 else { return letters.isEmpty ? [] : [hash(letters[...])] }
        var result: [UInt32] = []
        result.reserveCapacity(letters.count - 3)
        for start in 0...(letters.count - 4) { result.append(hash(letters[start..<(start + 4)])) }
        result.sort()
        var unique = 0
        for value in result where unique == 0 || result[unique - 1] != value {
            result[unique] = value
            unique += 1
        }
        result.removeSubrange(unique...)
        return result
    }

    private static func hash(_ scalars: ArraySlice<UInt32>) -> UInt32 {
        // FNV-1a: the same on every run, unlike Hasher.
        var value: UInt32 = 0x811C_9DC5
        for scalar in scalars {
            value ^= scalar
            value &*= 0x0100_0193
        }
        return value
    }

    /// The MinHash signature: for each of 64 seeded mixes, the least mixed 4-gram.
    static func signature(_ shingles: [UInt32]) -> [UInt64] {
        var least = [UInt64](repeating: .max, count: bands * rows)
        for shingle in shingles {
            for seed in least.indices {
                var x = (UInt64(shingle) ^ (UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1)) &* 0xBF58_476D_1CE4_E5B9
                x ^= x >> 31
                if x < least[seed] { least[seed] = x }
            }
        }
        return least
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
        let reference = Set(shingles(normalized(representative)))
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
