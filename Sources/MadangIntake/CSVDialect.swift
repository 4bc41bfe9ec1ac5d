import MadangCore

/// How a CSV file separates fields and quotes them.
public struct CSVDialect: Hashable, Sendable {
    /// The field separator: `,`, `;` or tab in practice.
    public var delimiter: UInt8
    /// The quote character, `"`.
    public var quote: UInt8
    /// In strict mode, text after a closing quote (`"ab"c`) marks the record as
    /// broken and an unterminated quoted field is an error. Otherwise both are read
    /// as Excel and Python's csv module read them.
    public var strict: Bool

    public init(delimiter: UInt8 = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\""), strict: Bool = true) {
        self.delimiter = delimiter
        self.quote = quote
        self.strict = strict
    }

    /// The delimiters Madang recognizes, by name.
    public static let delimiterNames: [(name: String, byte: UInt8)] = [
        ("comma", UInt8(ascii: ",")), ("semicolon", UInt8(ascii: ";")), ("tab", 0x09), ("pipe", UInt8(ascii: "|")),
    ]

    /// The delimiter a person names: comma, semicolon, tab (or `\t`), or one ASCII
    /// character other than a quote or a line break; nil for anything else.
    public static func delimiter(named text: String) -> UInt8? {
        if let named = delimiterNames.first(where: { $0.name == text.lowercased() }) { return named.byte }
        if text == "\\t" { return 0x09 }
        guard text.utf8.count == 1, let byte = text.utf8.first, byte < 0x80, byte != 0x22, byte != 0x0A, byte != 0x0D
        else { return nil }
        return byte
    }

    /// "comma", "semicolon", "tab", or the character itself.
    public var delimiterName: String {
        CSVDialect.delimiterNames.first { $0.byte == delimiter }?.name ?? String(UnicodeScalar(delimiter))
    }

    /// Guesses the delimiter from the start of a file (UTF-8 text): the candidate
    /// that splits the first complete records into the same number of fields, more
    /// than one; comma when none does.
    public static func detectDelimiter(in sample: [UInt8]) -> UInt8 {
        var best: (byte: UInt8, score: Int) = (UInt8(ascii: ","), 0)
        for (_, byte) in delimiterNames {
            var reader = CSVReader(dialect: CSVDialect(delimiter: byte, strict: false))
            var counts: [Int] = []
            sample.withUnsafeBufferPointer { buffer in
                reader.consume(buffer) { record in
                    if counts.count < 20 { counts.append(record.count) }
                }
            }
            // The last record may be cut off by the end of the sample.
            if counts.count > 1 { counts.removeLast() }
            guard let first = counts.first, first > 1 else { continue }
            let consistent = counts.filter { $0 == first }.count
            let score = consistent * 1000 + first
            if score > best.score { best = (byte, score) }
        }
        return best.byte
    }
}
