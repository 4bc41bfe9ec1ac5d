/// How ``Redaction`` does on a labelled set of texts: the share of personal data it masks
/// whole (recall), and the look-alikes it masks that it should have left (false positives).
///
/// A set is text in lines of `kind<TAB>text<TAB>personal data`; the kind is `phone`, `rrn`,
/// `email`, `card`, `account`, or `none` for a look-alike with no personal data (its third
/// field empty). Lines that start with `#` and blank lines are skipped.
public struct MaskingScore: Sendable {
    public struct Case: Sendable {
        public var line: Int
        public var kind: String
        public var text: String
        /// The personal data in ``text``; empty for a look-alike.
        public var secret: String
    }

    /// What one case came out as.
    public struct Outcome: Sendable {
        public var `case`: Case
        public var masked: String
    }

    /// Personal data caught, by kind, of how many.
    public private(set) var caught: [String: (found: Int, of: Int)] = [:]
    /// Personal data left whole or in part.
    public private(set) var misses: [Outcome] = []
    /// Look-alikes that were masked.
    public private(set) var falsePositives: [Outcome] = []
    public private(set) var lookAlikes = 0

    /// Reads a set; a line that is not three tab-separated fields is an error naming it.
    public static func cases(in text: String) throws(MaskingSetError) -> [Case] {
        var cases: [Case] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 || (fields.count == 2 && fields[0] == "none"),
                  ["phone", "rrn", "email", "card", "account", "none"].contains(fields[0]),
                  (fields[0] == "none") == (fields.count == 2 || fields[2].isEmpty)
            else { throw MaskingSetError(line: number + 1, text: String(line)) }
            cases.append(Case(line: number + 1, kind: fields[0], text: fields[1], secret: fields.count == 3 ? fields[2] : ""))
        }
        return cases
    }

    /// Masks each case's text on its own and scores it.
    public init(_ cases: [Case]) {
        for item in cases {
            var redaction = Redaction()
            let masked = redaction.apply(item.text)
            let outcome = Outcome(case: item, masked: masked)
            if item.kind == "none" {
                lookAlikes += 1
                if redaction.total > 0 { falsePositives.append(outcome) }
                continue
            }
            let whole = MaskingScore.isWhollyMasked(item, masked: masked) && redaction.total > 0
            caught[item.kind, default: (0, 0)].of += 1
            if whole { caught[item.kind, default: (0, 0)].found += 1 } else { misses.append(outcome) }
        }
    }

    /// The share of personal data masked whole, over every kind.
    public var recall: Double {
        let (found, of) = caught.values.reduce((0, 0)) { ($0.0 + $1.found, $0.1 + $1.of) }
        return of == 0 ? 1 : Double(found) / Double(of)
    }

    /// The score as lines for a person: recall by kind and in all, false positives, and
    /// each miss and false positive with its line in the set.
    public var report: String {
        var lines: [String] = []
        for kind in caught.keys.sorted() {
            let (found, of) = caught[kind]!
            lines.append("\(kind): \(found) of \(of) masked")
        }
        lines.append("recall: \(String(format: "%.3f", recall)) (\(caught.values.reduce(0) { $0 + $1.found }) of \(caught.values.reduce(0) { $0 + $1.of }))")
        lines.append("false positives: \(falsePositives.count) of \(lookAlikes) look-alikes")
        for miss in misses { lines.append("  missed, line \(miss.case.line): \(miss.case.text)  →  \(miss.masked)") }
        for wrong in falsePositives { lines.append("  masked a look-alike, line \(wrong.case.line): \(wrong.case.text)  →  \(wrong.masked)") }
        return lines.joined(separator: "\n")
    }

    /// True when nothing of the secret is left: for a number, no digit of it (the output has
    /// only the digits of the text around it); for an address, neither it nor its local part.
    private static func isWhollyMasked(_ item: Case, masked: String) -> Bool {
        func folded(_ text: String) -> [UInt8] { Redaction.MatchView(Array(text.unicodeScalars)).bytes }
        func digits(_ text: String) -> [UInt8] { folded(text).filter { $0 >= 0x30 && $0 <= 0x39 } }
        if item.kind == "email" {
            let address = folded(item.secret)
            let local = Array(address.prefix { $0 != UInt8(ascii: "@") })
            let output = folded(masked)
            return !contains(output, address) && (local.count < 3 || !contains(output, local))
        }
        let around = item.text.replacingOccurrences(of: item.secret, with: " ")
        return digits(masked) == digits(around)
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}

/// A line of a masking set that is not `kind<TAB>text<TAB>personal data`.
public struct MaskingSetError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var text: String

    public var description: String {
        "line \(line): expected kind<TAB>text<TAB>personal data (kind phone, rrn, email, card, account or none): \(text)"
    }
}
