/// Why a file cannot be imported as asked.
public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    case badMapping(String)
    case unknownField(String)
    case unknownColumn(String, header: [String])
    case fieldNotForKind(field: String, kind: ItemKind)
    case noBodyColumn(header: [String])
    case emptyFile(path: String)
    /// No column has any of the names a column for `role` (such as "text" or "label") goes by.
    case noColumn(role: String, candidates: [String], header: [String])
    /// A record has another number of fields than the header.
    case fieldCount(line: Int, found: Int, expected: Int)
    /// Every date in the column could be read day first or month first.
    case ambiguousDateOrder(column: String, value: String, line: Int)
    /// The rejected rows cannot be written (a full disk, a folder one may not write in).
    case rejectsUnwritable(reason: String)

    public var description: String {
        switch self {
        case .badMapping(let text):
            "'\(text)' is not COLUMN=field, such as 'Q1: What would you like to tell us?=body'."
        case .unknownField(let field):
            "'\(field)' is not a field; use one of \(ImportField.allCases.map(\.rawValue).joined(separator: ", "))."
        case .unknownColumn(let column, let header):
            "No column is called '\(column)'. The columns are: \(ImportError.list(header))."
        case .fieldNotForKind(let field, let kind):
            "A \(kind.rawValue) has no \(field); map the column to another field or leave it out."
        case .noBodyColumn(let header):
            "No column holds the opinions' text. The columns are: \(ImportError.list(header))."
        case .noColumn(let role, let candidates, let header):
            "No \(role) column: none is called \(candidates.joined(separator: ", ")). The columns are: \(ImportError.list(header))."
        case .fieldCount(let line, let found, let expected):
            "line \(line): \(found) fields where the header has \(expected)."
        case .ambiguousDateOrder(let column, let value, let line):
            "Every date in column '\(column)' could be read day first or month first (such as '\(value)' on line \(line)); no date in the file says which."
        case .rejectsUnwritable(let reason):
            "The rejected rows cannot be written: \(reason)."
        case .emptyFile(let path):
            "\(path) holds no header row; is it the right file?"
        }
    }
}

extension ImportError {
    /// "1 'Timestamp', 2 'Email Address', …" for messages.
    static func list(_ header: [String]) -> String {
        header.enumerated().map { "\($0.offset + 1) '\($0.element)'" }.joined(separator: ", ")
    }
}
