import MadangCore

/// Why a file cannot be imported as asked. Each message says what to do.
public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    case badMapping(String)
    case unknownField(String)
    case unknownColumn(String, header: [String])
    case fieldNotForKind(field: String, kind: ItemKind)
    case noBodyColumn(header: [String])
    case emptyFile(path: String)

    public var description: String {
        switch self {
        case .badMapping(let text):
            "--map '\(text)' is not COLUMN=field; write it like --map 'Q1: What would you like to tell us?=body'."
        case .unknownField(let field):
            "'\(field)' is not a field; use one of \(ImportField.allCases.map(\.rawValue).joined(separator: ", "))."
        case .unknownColumn(let column, let header):
            "No column is called '\(column)'. The columns are: \(ColumnMapping.list(header))."
        case .fieldNotForKind(let field, let kind):
            "A \(kind.rawValue) has no \(field); map the column to another field or leave it out."
        case .noBodyColumn(let header):
            "No column holds the opinions' text. Say which with --map 'COLUMN=body'. The columns are: \(ColumnMapping.list(header))."
        case .emptyFile(let path):
            "\(path) holds no header row; is it the right file?"
        }
    }
}

extension ColumnMapping {
    /// "1 'Timestamp', 2 'Email Address', …" for messages.
    static func list(_ header: [String]) -> String {
        header.enumerated().map { "\($0.offset + 1) '\($0.element)'" }.joined(separator: ", ")
    }
}
