/// What sort of participation event a hearing is.
///
/// The raw value is what users type on the command line and what the
/// database stores, so it never changes once released.
public enum HearingKind: String, CaseIterable, Codable, Sendable {
    case publicHearing = "public-hearing"
    case councilMeeting = "council-meeting"
    case briefing
    case seminar
    case participationRound = "participation-round"

    /// A label for printed output, such as "public hearing".
    public var label: String {
        switch self {
        case .publicHearing: "public hearing"
        case .councilMeeting: "council meeting"
        case .briefing: "briefing"
        case .seminar: "seminar"
        case .participationRound: "participation round"
        }
    }
}
