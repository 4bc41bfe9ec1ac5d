/// What is wrong with a CSV file, and where.
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Text follows a closing quote: `"ab"c`.
    case unexpectedAfterQuote(line: Int, column: Int, character: String)
    /// A quoted field is still open at the end of the file.
    case unterminatedQuote(line: Int, column: Int)
    /// A byte sequence that is not text in the file's encoding.
    case invalidByte(line: Int, byteOffset: Int, encoding: String)
    /// The file cannot be read at all.
    case unreadable(path: String, reason: String)
    /// A record grew past the size limit, in bytes.
    case recordTooLarge(line: Int, limit: Int)
    /// A carriage return alone inside an unquoted field of a file whose lines end with LF or CRLF.
    case bareCarriageReturn(line: Int, column: Int)

    /// The line the problem is on.
    public var line: Int? {
        switch self {
        case .unexpectedAfterQuote(let line, _, _), .unterminatedQuote(let line, _), .invalidByte(let line, _, _),
             .recordTooLarge(let line, _), .bareCarriageReturn(let line, _): line
        case .unreadable: nil
        }
    }

    /// The column the problem is in, where there is one.
    public var column: Int? {
        switch self {
        case .unexpectedAfterQuote(_, let column, _), .unterminatedQuote(_, let column), .bareCarriageReturn(_, let column): column
        case .invalidByte, .unreadable, .recordTooLarge: nil
        }
    }

    /// The problem without its place.
    public var message: String {
        switch self {
        case .unexpectedAfterQuote(_, _, let character):
            "unexpected \"\(character)\" after closing quote"
        case .unterminatedQuote:
            "unterminated quoted field started here; every record after it would be read as part of this field"
        case .invalidByte(_, let byteOffset, let encoding):
            "byte \(byteOffset) is not valid \(encoding)"
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        case .bareCarriageReturn:
            "a carriage return (CR) stands alone inside a field, though the file's lines end with LF or CRLF; "
                + "quote the field if the line break is meant, or remove the CR"
        case .recordTooLarge(_, let limit):
            "the record starting here is larger than \(limit >> 20) MiB (a quote that never closes, or a file that is not CSV?)"
        }
    }

    public var description: String {
        switch self {
        case .unexpectedAfterQuote(let line, let column, _), .unterminatedQuote(let line, let column),
             .bareCarriageReturn(let line, let column):
            "line \(line), column \(column): \(message)"
        case .invalidByte(let line, _, _), .recordTooLarge(let line, _):
            "line \(line): \(message)"
        case .unreadable:
            message
        }
    }
}
