import MadangCore

/// The order of day, month and year in a column of dates whose year comes last; a
/// year written first is always year, month, day.
public enum DateOrder: String, CaseIterable, Sendable {
    /// Day first: `05.03.2024` is 5 March (Europe, most of the world).
    case dmy
    /// Month first: `3/5/2024` is 5 March (the United States, Google Forms in English).
    case mdy
    /// Year first, the ISO and Korean order.
    case ymd

    /// What one value says about its column's order.
    public enum Evidence: Equatable, Sendable {
        /// A number over 12 in the first or second place shows the order.
        case proves(DateOrder)
        /// Both could be the month.
        case either
    }

    /// How the order is named for people: "day first".
    public var description: String {
        switch self {
        case .dmy: "day first (day.month.year)"
        case .mdy: "month first (month/day/year)"
        case .ymd: "year first"
        }
    }
}

/// Reads a date column's values until they show in which order its days and months
/// come: one value over 12 settles it. Never guesses: a column of values that could
/// all be read either way stays undecided.
public struct DateOrderSurvey: Sendable {
    /// The order the values prove, with the value and line that proved it.
    public private(set) var settled: (order: DateOrder, value: String, line: Int)?
    /// The first value that could be read either way, and its line.
    public private(set) var firstAmbiguous: (value: String, line: Int)?

    public init() {}

    /// True once the order is known.
    public var isSettled: Bool { settled != nil }

    public mutating func add(_ value: String, line: Int) {
        guard settled == nil, let evidence = SubmissionDate.evidence(value) else { return }
        switch evidence {
        case .proves(let order): settled = (order, value, line)
        case .either: if firstAmbiguous == nil { firstAmbiguous = (value, line) }
        }
    }
}
