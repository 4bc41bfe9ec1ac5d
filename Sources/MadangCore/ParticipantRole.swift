/// The part a participant plays at a hearing.
public enum ParticipantRole: String, CaseIterable, Codable, Sendable {
    /// The chair of the panel (좌장).
    case chair
    /// A panelist or discussant (토론자).
    case panelist
    /// A presenter of the plan or a topic (발표자).
    case presenter
    /// An official speaking for an organizer (공무원).
    case official

    /// Reads a role from its English name or a common Korean one.
    ///
    /// ```swift
    /// ParticipantRole(userText: "좌장") // .chair
    /// ```
    public init?(userText: String) {
        let text = userText.trimmingWhitespace().lowercased()
        if let role = ParticipantRole(rawValue: text) {
            self = role
            return
        }
        switch text {
        case "좌장", "사회", "사회자", "moderator": self = .chair
        case "패널", "토론자", "토론", "discussant": self = .panelist
        case "발표자", "발표", "speaker": self = .presenter
        case "공무원", "관계자", "정부": self = .official
        default: return nil
        }
    }
}
