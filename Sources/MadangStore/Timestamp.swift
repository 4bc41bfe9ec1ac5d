import Foundation
import MadangCore

/// How instants are written in the database: ISO 8601 in UTC with milliseconds
/// (`2024-03-05T05:30:15.250Z`), which sorts as text in time order.
enum Timestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// Formats by hand: an import writes two per row, and the format style is slow.
    static func string(_ date: Date) -> String {
        let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        let inDay = milliseconds - days * 86_400_000
        let (year, month, day) = CivilDate.date(days: days)
        var out: [UInt8] = []
        out.reserveCapacity(24)
        func put(_ value: Int, _ width: Int) {
            var digits = [UInt8](repeating: 0x30, count: width)
            var rest = value
            for position in stride(from: width - 1, through: 0, by: -1) {
                digits[position] = UInt8(0x30 + rest % 10)
                rest /= 10
            }
            out.append(contentsOf: digits)
        }
        put(year, 4); out.append(0x2D); put(month, 2); out.append(0x2D); put(day, 2); out.append(0x54)
        put(inDay / 3_600_000, 2); out.append(0x3A); put(inDay / 60000 % 60, 2); out.append(0x3A)
        put(inDay / 1000 % 60, 2); out.append(0x2E); put(inDay % 1000, 3); out.append(0x5A)
        return String(decoding: out, as: UTF8.self)
    }

    static func date(_ text: String) -> Date? {
        try? style.parse(text)
    }
}
