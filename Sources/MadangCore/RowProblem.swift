/// A row of an imported file that was not stored, and why: where it is (line, and the
/// column where there is one) and what kind of problem it has, for a front end to word.
public struct RowProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong with the row.
    public enum Kind: Equatable, Sendable {
        /// The record cannot be read as it stands, such as text after a closing quote.
        case malformed(String)
        /// The record has another number of fields than the header.
        case fieldCount(found: Int, expected: Int)
        /// The opinion's text is empty.
        case emptyText
        /// The value is not a date in any form Madang reads.
        case notADate(String)
        /// The date could be read day first or month first, and nothing says which.
        case ambiguousDate(String)
        /// A statement names no speaker.
        case noSpeaker
        /// The speaker's label names nobody on the panel, or several people.
        case unknownSpeaker(String, reason: String)
        /// The value is not a count of supporters.
        case notACount(String)
        /// A value breaks a rule of the item.
        case invalid(ValidationError)
    }

    /// The line the record starts on, from 1.
    public var line: Int
    /// The column the problem is in, from 1, where there is one.
    public var column: Int?
    /// That column's header.
    public var columnName: String?
    public var kind: Kind

    public init(line: Int, column: Int? = nil, columnName: String? = nil, kind: Kind) {
        self.line = line
        self.column = column
        self.columnName = columnName
        self.kind = kind
    }

    /// The problem alone, without its place.
    public var reason: String {
        switch kind {
        case .malformed(let detail): detail
        case .fieldCount(let found, let expected): "\(found) field\(found == 1 ? "" : "s") where the header has \(expected)"
        case .emptyText: "the text is empty"
        case .notADate(let value): "'\(value)' is not a date (such as 2024-03-05 14:30, 2024.03.05 or 3/5/2024 14:30:00)"
        case .ambiguousDate(let value): "'\(value)' could be read day first or month first"
        case .noSpeaker: "no speaker is given"
        case .unknownSpeaker(_, let reason): reason
        case .notACount(let value): "'\(value)' is not a number of supporters"
        case .invalid(let error): error.description
        }
    }

    /// `line 12, column 3 (date): '31/02' is not a date …`
    public var description: String {
        var place = "line \(line)"
        if let column { place += ", column \(column)" }
        if let columnName { place += " (\(columnName))" }
        return "\(place): \(reason)"
    }
}
