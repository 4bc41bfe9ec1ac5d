import Foundation

/// Whether a hearing's web form takes opinions at a moment, by its comment period.
public enum CommentPeriod: Hashable, Sendable {
    /// The form takes opinions; `closes` is when it stops, if it ever does.
    case open(closes: LocalDateTime?)
    /// The period has not begun.
    case notYet(opens: LocalDateTime)
    /// The period is over.
    case over(closed: LocalDateTime)

    /// The state of `hearing`'s period at `now`, reading its dates in the hearing's time zone
    /// (the machine's when it has none). A closing date without a time closes at the end of
    /// that day; an opening date without one opens at its start.
    public init(of hearing: Hearing, at now: Date = Date()) {
        let zone = hearing.timeZone.flatMap(TimeZone.init(identifier:)) ?? .current
        if let opens = hearing.commentsOpen, now < CommentPeriod.instant(opens, zone: zone, endOfDay: false) {
            self = .notYet(opens: opens)
        } else if let closes = hearing.commentsClose, now >= CommentPeriod.instant(closes, zone: zone, endOfDay: true) {
            self = .over(closed: closes)
        } else {
            self = .open(closes: hearing.commentsClose)
        }
    }

    /// True while the form takes opinions.
    public var isOpen: Bool {
        if case .open = self { true } else { false }
    }

    /// The moment `time` names in `zone`; a date alone is its first moment, or with
    /// `endOfDay` the first moment of the next day.
    static func instant(_ time: LocalDateTime, zone: TimeZone, endOfDay: Bool) -> Date {
        let days = CivilDate.days(year: time.year, month: time.month, day: time.day)
        let seconds = time.hour.map { days * 86_400 + $0 * 3600 + (time.minute ?? 0) * 60 }
            ?? (days + (endOfDay ? 1 : 0)) * 86_400
        // The wall-clock seconds read as UTC, moved back by the zone's offset at that moment.
        let wall = Date(timeIntervalSince1970: TimeInterval(seconds))
        let offset = zone.secondsFromGMT(for: wall.addingTimeInterval(-TimeInterval(zone.secondsFromGMT(for: wall))))
        return wall.addingTimeInterval(-TimeInterval(offset))
    }
}
