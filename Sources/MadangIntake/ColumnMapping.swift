import MadangCore

/// Which column of a file feeds which field of an item, found from the header
/// row by English and Korean names, with the user's `--map COLUMN=field` on top.
///
/// ```swift
/// let mapping = try ColumnMapping(header: ["제목", "내용", "작성자"], kind: .comment)
/// mapping.columns[.body] // 1
/// ```
public struct ColumnMapping: Sendable {
    /// The header row as read.
    public let header: [String]
    /// For each mapped field, the index of its column.
    public private(set) var columns: [ImportField: Int] = [:]

    /// Columns no field uses, by index.
    public var ignored: [Int] {
        let used = Set(columns.values)
        return header.indices.filter { !used.contains($0) && !header[$0].trimmingWhitespace().isEmpty }
    }

    /// Maps `header` for items of `kind`.
    ///
    /// - Parameter overrides: `COLUMN=field` pairs from `--map`; COLUMN is a header
    ///   name (exactly, or ignoring case and spaces) or a 1-based column number.
    /// - Throws: ``ImportError`` when an override names no column or no field, or
    ///   when no column gives the text of the opinions.
    public init(header: [String], kind: ItemKind, overrides: [String] = []) throws(ImportError) {
        self.header = header
        let allowed = ImportField.allowed(for: kind)
        let normalized = header.map(ColumnMapping.normalize)
        var taken = Set<Int>()
        for override in overrides {
            let (column, field) = try ColumnMapping.parse(override, header: header, normalized: normalized)
            guard allowed.contains(field) else { throw .fieldNotForKind(field: field.rawValue, kind: kind) }
            columns[field] = column
            taken.insert(column)
        }
        for field in ImportField.allCases where allowed.contains(field) && columns[field] == nil {
            if let column = ColumnMapping.bestColumn(for: field, normalized: normalized, taken: taken) {
                columns[field] = column
                taken.insert(column)
            }
        }
        // Then form questions: a header that holds one of a field's words, and no other field's.
        for field in ImportField.allCases where allowed.contains(field) && columns[field] == nil {
            let candidates = normalized.indices.filter { column in
                !taken.contains(column) && field.keywords.contains { normalized[column].contains($0) }
                    && !ImportField.allCases.contains { other in
                        other != field && allowed.contains(other) && other.keywords.contains { normalized[column].contains($0) }
                    }
            }
            if candidates.count == 1, let column = candidates.first {
                columns[field] = column
                taken.insert(column)
            }
        }
        guard columns[.body] != nil else { throw .noBodyColumn(header: header) }
    }

    /// The column of `field`, if any.
    public subscript(field: ImportField) -> Int? { columns[field] }

    /// A header name without case, spaces and punctuation: "E-mail Address" → "emailaddress".
    /// A multilingual column such as Decidim's `body/en` keeps only its field name.
    public static func normalize(_ name: String) -> String {
        var text = Text.normalized(name).lowercased()
        // A note in brackets says how to fill the column, not what it holds: 이름(실명), 소속 단체(선택).
        while let open = text.firstIndex(where: { $0 == "(" || $0 == "[" }),
              let close = text[open...].firstIndex(where: { $0 == ")" || $0 == "]" }), open > text.startIndex {
            text.removeSubrange(open...close)
        }
        if let slash = text.lastIndex(of: "/"), isLocale(text[text.index(after: slash)...]) {
            text = String(text[..<slash])
        }
        return String(text.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            .map(Character.init))
    }

    /// A language tag ending a multilingual column's name: `en`, `ko`, `pt-br` (but not `id`).
    private static func isLocale(_ text: Substring) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isLetter) })
        else { return false }
        return text != "id"
    }

    private static func bestColumn(for field: ImportField, normalized: [String], taken: Set<Int>) -> Int? {
        for name in field.names {
            if let column = normalized.indices.first(where: { normalized[$0] == name && !taken.contains($0) }) {
                return column
            }
        }
        return nil
    }

    private static func parse(
        _ override: String, header: [String], normalized: [String]
    ) throws(ImportError) -> (Int, ImportField) {
        guard let equals = override.lastIndex(of: "=") else { throw .badMapping(override) }
        let columnText = String(override[..<equals]).trimmingWhitespace()
        let fieldText = String(override[override.index(after: equals)...]).trimmingWhitespace().lowercased()
        guard let field = ImportField(rawValue: fieldText) else { throw .unknownField(fieldText) }
        if let exact = header.firstIndex(where: { $0.trimmingWhitespace() == columnText }) { return (exact, field) }
        let key = normalize(columnText)
        if !key.isEmpty, let loose = normalized.firstIndex(of: key) { return (loose, field) }
        if let number = Int(columnText), (1...header.count).contains(number) { return (number - 1, field) }
        throw .unknownColumn(columnText, header: header)
    }
}
