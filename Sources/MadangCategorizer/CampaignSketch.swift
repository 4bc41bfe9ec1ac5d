import Foundation
import MadangCore

/// A text as campaign grouping compares it, in a few hundred bytes whatever its length.
///
/// The text is normalized (``normalized(_:)``: Unicode compatibility forms, case, a closing
/// signature line set aside) and cut into the 4-grams of its letters and digits, so spacing and
/// punctuation do not count. Its ``key`` is the hash of that whole set: exact copies share it.
/// Its ``signature`` is a one-permutation MinHash of the set in ``bins`` bins (each 4-gram is
/// hashed once and kept if it is the least in its bin), so the share of bins two signatures
/// agree on, among those full in either, estimates their texts' Jaccard similarity.
public struct CampaignSketch: Sendable, Hashable {
    /// The number of bins of a signature.
    public static let bins = 96
    /// Bands of three bins: two texts that agree on every bin of one band are compared.
    static let bands = 20
    static let rows = 3

    /// How many distinct 4-grams the text has.
    public var grams: Int
    /// The hash of the text's whole 4-gram set: equal for exact copies.
    public var key: UInt64
    /// The least hash in each bin, cut to 16 bits.
    public var signature: [UInt16]
    /// A quarter of the text's 4-grams, the same quarter of every text (those whose hash says
    /// so), each as 13 bits of its hash and where it first comes in the text (in ``places``
    /// parts, the low 3 bits), in ascending order: enough to tell which of a letter's phrases
    /// other texts use in the same place. Empty in a sketch as stored.
    public internal(set) var sample: [UInt16] = []
    /// How many parts a text is cut into to say where a sampled 4-gram comes.
    static let places = 8
    /// The low bits of a sampled 4-gram that say where it comes.
    static let placeMask: UInt16 = 0x7

    /// The sketch of `text`.
    public init(_ text: String) {
        self.init(grams: CampaignSketch.grams(text))
    }

    /// A sketch as stored: its 4-gram count and its signature.
    public init(grams: Int, key: UInt64 = 0, signature: [UInt16]) {
        self.grams = grams
        self.key = key
        self.signature = signature
    }

    /// The sketch of a set of 4-grams, each given once, in any order.
    init(grams shingles: [UInt32]) {
        grams = shingles.count
        var key: UInt64 = 0
        var least = [UInt32](repeating: .max, count: CampaignSketch.bins)  // .max: an empty bin
        var sample: [UInt16] = []
        sample.reserveCapacity(shingles.count / 3)
        var place = 0
        for shingle in shingles {
            let mixed = CampaignSketch.mix(UInt64(shingle))
            key &+= mixed  // setKey(_:), while the mix is at hand
            if (mixed >> 32) & 3 == 0 {
                sample.append(UInt16(truncatingIfNeeded: mixed >> 48) & ~CampaignSketch.placeMask | UInt16(place * CampaignSketch.places / shingles.count))
            }
            place += 1
            let bin = Int(((mixed >> 32) * UInt64(CampaignSketch.bins)) >> 32)
            let value = UInt32(truncatingIfNeeded: mixed)
            least[bin] = min(least[bin], value)
        }
        self.key = key
        self.sample = sample.sorted()
        // 0 marks an empty bin; a full bin's 16 bits are never 0.
        signature = least.map { $0 == .max ? 0 : max(1, UInt16(truncatingIfNeeded: $0)) }
    }

    /// How many 4-grams two samples share, and how many of those come in the same place or
    /// the next either side in both texts.
    static func sharedInPlace(_ a: ArraySlice<UInt16>, _ b: ArraySlice<UInt16>) -> (shared: Int, inPlace: Int) {
        var (i, j) = (a.startIndex, b.startIndex)
        var shared = 0, inPlace = 0
        while i < a.endIndex && j < b.endIndex {
            let (x, y) = (a[i] & ~placeMask, b[j] & ~placeMask)
            if x < y {
                i += 1
            } else if y < x {
                j += 1
            } else {
                shared += 1
                let (p, q) = (Int(a[i] & placeMask), Int(b[j] & placeMask))
                if abs(p - q) <= 1 { inPlace += 1 }
                i += 1
                j += 1
            }
        }
        return (shared, inPlace)
    }

    /// The sketch as the store keeps it for a campaign's letter.
    public var stored: LetterSketch {
        LetterSketch(grams: grams, signature: signature, bands: bandKeys)
    }

    /// A key for a set of 4-grams, each given once, in any order: equal sets, equal keys.
    static func setKey(_ grams: [UInt32]) -> UInt64 {
        grams.reduce(0) { $0 &+ mix(UInt64($1)) }
    }

    /// The estimated Jaccard similarity of the two texts' 4-gram sets.
    public func resemblance(_ other: CampaignSketch) -> Double {
        CampaignSketch.resemblance(signature[...], other.signature[...])
    }

    /// The share of bins full in either signature that hold the same value in both (an
    /// unbiased estimate of the Jaccard similarity for one-permutation hashing).
    static func resemblance(_ a: ArraySlice<UInt16>, _ b: ArraySlice<UInt16>) -> Double {
        var same = 0, full = 0
        // Four bins to a 64-bit word; a lane is zero where the bins agree (x ^ y) or are
        // both empty (x | y): the high bit of each lane of `zeroLanes` says which.
        func zeroLanes(_ x: UInt64) -> UInt64 {
            let low: UInt64 = 0x7FFF_7FFF_7FFF_7FFF
            return ~(((x & low) &+ low) | x | low)
        }
        a.withUnsafeBytes { a in
            b.withUnsafeBytes { b in
                for word in 0..<(min(a.count, b.count) / 8) {
                    let x = a.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self)
                    let y = b.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self)
                    let empty = zeroLanes(x | y)
                    full &+= 4 - empty.nonzeroBitCount
                    same &+= (zeroLanes(x ^ y) & ~empty).nonzeroBitCount
                }
            }
        }
        return full == 0 ? 0 : Double(same) / Double(full)
    }

    /// The keys under which LSH files this signature, one per band with a full bin (the
    /// band's number in the high bits).
    public var bandKeys: [Int64] {
        (0..<CampaignSketch.bands).compactMap { CampaignSketch.bandKey(signature[...], $0) }
    }

    static func bandKey(_ signature: ArraySlice<UInt16>, _ band: Int) -> Int64? {
        let start = signature.startIndex + band * rows
        let (a, b, c) = (signature[start], signature[start + 1], signature[start + 2])
        guard a | b | c != 0 else { return nil }
        return Int64(band) << 48 | Int64(a) << 32 | Int64(b) << 16 | Int64(c)
    }

    /// A 64-bit mix (the finalizer of SplitMix64): the same on every run, unlike Hasher.
    static func mix(_ value: UInt64) -> UInt64 {
        var x = value &+ 0x9E37_79B9_7F4A_7C15
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    // MARK: - Text

    /// The text as compared: NFKC, lowercase, a closing signature line set aside.
    public static func normalized(_ text: String) -> String {
        let folded = compatibilityFolded(text)
        return String(folded[..<contentEnd(folded)]).lowercased()
    }

    /// NFKC, only where it can change something: full-width and compatibility forms.
    static func compatibilityFolded(_ text: String) -> String {
        // Those forms' UTF-8 lead bytes: a text without any (most, Hangul and ASCII) is
        // passed over byte by byte, not decoded.
        let leads = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.contains { $0 == 0xC2 || $0 == 0xE2 || $0 == 0xE3 || $0 == 0xEF || $0 == 0xF0 }
        } ?? true
        return leads && text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x00A0...0x00BF, 0x2000...0x33FF, 0xF900...0xFFEF, 0x1D400...0x1D7FF: true
            default: false
            }
        } ? text.precomposedStringWithCompatibilityMapping : text
    }

    /// Where the text's content ends: before closing lines ("Sincerely, / Jane Doe",
    /// "홍길동 드림", "— Kim", "감사합니다") and a signature at the end of its last line
    /// ("… 부탁드립니다. 홍길동 드림"). Only the last lines are read.
    static func contentEnd(_ text: String) -> String.Index {
        let utf8 = text.utf8
        // The last non-empty lines, trimmed, from the end: (start, end) in UTF-8 indexes.
        var lines: [(String.Index, String.Index)] = []
        var end = utf8.endIndex
        var cursor = utf8.endIndex
        var moreBefore = false
        while cursor > utf8.startIndex {
            let before = utf8.index(before: cursor)
            let byte = utf8[before]
            if byte == 0x0A || byte == 0x0D {
                if let line = trimmed(text, cursor, end) { lines.append(line) }
                end = before
                if lines.count == 4 {
                    moreBefore = true
                    break
                }
            }
            cursor = before
        }
        if !moreBefore, let line = trimmed(text, utf8.startIndex, end) { lines.append(line) }
        // A closing or a signature is short: a longer line is content, read no further.
        func line(_ number: Int) -> String? {
            let range = lines[number].0..<lines[number].1
            return utf8.distance(from: range.lowerBound, to: range.upperBound) <= 160 ? String(text[range]).lowercased() : nil
        }
        func hasMore(after removing: Int) -> Bool { lines.count - removing > 1 || (moreBefore && lines.count - removing >= 1) }
        var removed = 0
        while removed < lines.count, hasMore(after: removed), let last = line(removed),
              isSignature(last, before: removed + 1 < lines.count ? line(removed + 1) : nil) {
            removed += 1
        }
        if removed < lines.count, hasMore(after: removed), let last = line(removed), isClosing(last) { removed += 1 }
        guard removed < lines.count else { return text.startIndex }
        let last = text[lines[removed].0..<lines[removed].1]
        for marker in [" 드림", " 올림", " 배상"] where last.hasSuffix(marker) {
            if let cut = last.dropLast(marker.count).lastIndex(where: { ".!?。".contains($0) }),
               last.distance(from: cut, to: last.endIndex) <= 16 {
                return last.index(after: cut)
            }
        }
        return lines[removed].1
    }

    /// The range of `text` from `start` to `end` without its spaces and tabs at either end, or nil if nothing is left.
    private static func trimmed(_ text: String, _ start: String.Index, _ end: String.Index) -> (String.Index, String.Index)? {
        let utf8 = text.utf8
        var (from, to) = (start, end)
        while from < to && (utf8[from] == 0x20 || utf8[from] == 0x09) { from = utf8.index(after: from) }
        while to > from {
            let before = utf8.index(before: to)
            guard utf8[before] == 0x20 || utf8[before] == 0x09 else { break }
            to = before
        }
        return to > from ? (from, to) : nil
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
        // "홍길동 드림" alone on its line; "… 바랍니다. 홍길동 드림" is a sentence signed at its end.
        if ["드림", "올림", "배상", "씀"].contains(where: { bare.hasSuffix($0) }) { return !bare.contains(where: { ".!?。".contains($0) }) }
        if line.hasPrefix("—") || line.hasPrefix("-") || line.hasPrefix("from ") { return true }
        if let before, isClosing(before), bare.split(separator: " ").count <= 4 { return true }
        return false
    }

    /// The hashed 4-grams of the text's letters and digits as a sketch sees it
    /// (``normalized(_:)``), each once, in the order found; read in one pass.
    static func grams(_ text: String) -> [UInt32] {
        let folded = compatibilityFolded(text)
        let letters = letters(folded[..<contentEnd(folded)])
        guard letters.count >= 4 else { return letters.isEmpty ? [] : [hash(letters[...])] }
        // Each 4-gram once, kept in an open-addressing table twice as large: no sorting.
        let count = letters.count - 3
        var capacity = 64
        while capacity < 2 * count { capacity <<= 1 }
        var result: [UInt32] = []
        result.reserveCapacity(count)
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity) { table in
            table.initialize(repeating: 0)
            var zeroSeen = false
            letters.withUnsafeBufferPointer { scalars in
                for start in 0..<count {
                    let gram = hash(scalars[start..<(start + 4)])
                    if gram == 0 {
                        if !zeroSeen { result.append(0) }
                        zeroSeen = true
                        continue
                    }
                    var slot = Int(truncatingIfNeeded: UInt64(gram) &* 0x9E37_79B9_7F4A_7C15 >> 40) & (capacity - 1)
                    while table[slot] != 0 && table[slot] != gram { slot = (slot + 1) & (capacity - 1) }
                    if table[slot] == 0 {
                        table[slot] = gram
                        result.append(gram)
                    }
                }
            }
        }
        return result
    }

    /// The text's letters and digits, lowercase: ASCII and Hangul by range, the rest by their
    /// Unicode properties (CharacterSet's lookup took most of the time of grouping 100,000 texts).
    private static func letters(_ text: Substring) -> [UInt32] {
        var letters: [UInt32] = []
        letters.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A, 0xAC00...0xD7A3: letters.append(scalar.value)
            case 0x41...0x5A: letters.append(scalar.value + 0x20)
            case 0..<0x80: break
            default:
                guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { break }
                if scalar.properties.changesWhenLowercased {
                    letters += scalar.properties.lowercaseMapping.unicodeScalars.map(\.value)
                } else {
                    letters.append(scalar.value)
                }
            }
        }
        return letters
    }

    private static func hash<Scalars: Collection<UInt32>>(_ scalars: Scalars) -> UInt32 {
        // FNV-1a: the same on every run, unlike Hasher.
        var value: UInt32 = 0x811C_9DC5
        for scalar in scalars {
            value ^= scalar
            value &*= 0x0100_0193
        }
        return value
    }
}
