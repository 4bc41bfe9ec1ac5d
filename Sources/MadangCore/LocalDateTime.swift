/// A calendar date with an optional wall-clock time, as printed on an invitation:
/// `2023-01-05` or `2023-01-05 14:00`.
///
/// Hearings happen at a local time in a local place, so no time zone is kept.
public struct LocalDateTime: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    /// The hour (0-23), when the time of day is known.
    public let hour: Int?
    /// The minute (0-59), set whenever ``hour`` is.
    public let minute: Int?

    /// Creates a date, optionally with a time, checking that every part is in range.
    public init(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil) throws(ValidationError) {
        let text = "\(year)-\(month)-\(day)"
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysIn(month: month, year: year)).contains(day)
        else { throw .invalidDate(text) }
        if let hour {
            guard (0...23).contains(hour), (0...59).contains(minute ?? 0) else { throw .invalidDate(text) }
        }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = hour == nil ? nil : (minute ?? 0)
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` or `YYYY-MM-DDTHH:MM`.
    ///
    /// ```swift
    /// let start = try LocalDateTime(parsing: "2023-01-05 14:00")
    /// ```
    public init(parsing text: String) throws(ValidationError) {
        let trimmed = text.trimmingWhitespace()
        let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard (1...2).contains(parts.count) else { throw .invalidDate(text) }
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard date.count == 3, date[0].count == 4, date[1].count == 2, date[2].count == 2,
              let y = Int(date[0]), let m = Int(date[1]), let d = Int(date[2])
        else { throw .invalidDate(text) }
        var hour: Int?, minute: Int?
        if parts.count == 2 {
            let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
            guard clock.count == 2, clock[1].count == 2, (1...2).contains(clock[0].count),
                  let h = Int(clock[0]), let mi = Int(clock[1])
            else { throw .invalidDate(text) }
            hour = h
            minute = mi
        }
        do {
            try self.init(year: y, month: m, day: d, hour: hour, minute: minute)
        } catch {
            throw .invalidDate(text)
        }
    }

    /// `2023-01-05` or `2023-01-05 14:00`: the form ``init(parsing:)`` reads back.
    public var description: String {
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        guard let hour else { return date }
        return "\(date) \(pad(hour, 2)):\(pad(minute ?? 0, 2))"
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.description < rhs.description
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try LocalDateTime(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
