/// Why a value a person gave cannot be recorded. Each message says what to change.
public enum ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty(field: String)
    case invalidSlug(String)
    case invalidDate(String)
    case negative(field: String, value: Int)
    case missing(field: String, kind: ItemKind)
    case notAllowed(field: String, kind: ItemKind)
    case invalidEmail(String)
    case unknownTimeZone(String)
    /// A response state the hearing does not have; `known` lists those it has.
    case unknownState(String, known: [String])
    /// A response in this state needs a reason (why the opinion is not, or not wholly, accepted).
    case reasonRequired(state: String)
    /// A comment period that closes before it opens.
    case commentPeriodReversed(opens: String, closes: String)
    /// An organizer's account name: 1 to 64 letters, digits, dots, hyphens, underscores or @.
    case invalidAccountName(String)
    /// A password shorter than `minimum` characters.
    case shortPassword(minimum: Int)

    public var description: String {
        switch self {
        case .empty(let field):
            "The \(field) is empty; give some text."
        case .invalidSlug(let slug):
            "'\(slug)' is not a usable slug: use 1 to 64 lowercase letters, digits and hyphens, such as smart-city-plan-4."
        case .invalidDate(let text):
            "'\(text)' is not a date: write YYYY-MM-DD or YYYY-MM-DD HH:MM, such as 2023-01-05 14:00."
        case .negative(let field, let value):
            "The \(field) cannot be negative (got \(value))."
        case .missing(let field, let kind):
            "A \(kind.rawValue) needs a \(field)."
        case .notAllowed(let field, let kind):
            "A \(kind.rawValue) has no \(field); leave it out."
        case .invalidEmail(let text):
            "'\(text)' is not an e-mail address."
        case .unknownTimeZone(let zone):
            "'\(zone)' is not a time zone; give an IANA name such as Asia/Seoul or Europe/London."
        case .unknownState(let state, let known):
            "'\(state)' is not a response state of this hearing; the states are: \(known.joined(separator: ", "))."
        case .reasonRequired(let state):
            "A response of \(state) needs a reason: say why the opinion is not, or not wholly, accepted."
        case .commentPeriodReversed(let opens, let closes):
            "The comment period closes (\(closes)) before it opens (\(opens))."
        case .invalidAccountName(let name):
            "'\(name)' is not a usable account name: use 1 to 64 letters, digits, dots, hyphens, underscores or @."
        case .shortPassword(let minimum):
            "The password is too short: use at least \(minimum) characters."
        }
    }
}
