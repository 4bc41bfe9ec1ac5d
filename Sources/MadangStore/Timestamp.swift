import Foundation

/// How instants are written in the database: ISO 8601 in UTC with milliseconds,
/// which sorts as text in time order.
enum Timestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func string(_ date: Date) -> String {
        date.formatted(style)
    }

    static func date(_ text: String) -> Date? {
        try? style.parse(text)
    }
}
