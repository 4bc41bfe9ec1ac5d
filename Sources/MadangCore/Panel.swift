/// The participants of one hearing in their order, and the rules for picking a
/// speaker by what an organizer types.
public struct Panel: Hashable, Sendable {
    /// The participants sorted by position.
    public let participants: [Participant]

    public init(_ participants: [Participant]) {
        self.participants = participants.sorted { $0.position < $1.position }
    }

    /// The chair, if one is registered.
    public var chair: Participant? { participants.first { $0.role == .chair } }

    /// Finds the participant an organizer means by `label`: a position number
    /// (`2`), or the start of a name, ignoring case and spaces (`nam`, `남광`).
    ///
    /// An exact name beats a prefix, so "Kim" picks a participant named exactly
    /// "Kim" even when "Kim Gap-seong" is also on the panel.
    public func participant(matching label: String) throws(PanelLookupError) -> Participant {
        let key = Panel.key(label)
        guard !key.isEmpty else { throw .noMatch(label: label, panel: self) }
        if let number = Int(key) {
            guard let match = participants.first(where: { $0.position == number }) else {
                throw .noMatch(label: label, panel: self)
            }
            return match
        }
        if let exact = participants.first(where: { Panel.key($0.name) == key }) { return exact }
        let matches = participants.filter { Panel.key($0.name).hasPrefix(key) }
        switch matches.count {
        case 1: return matches[0]
        case 0: throw .noMatch(label: label, panel: self)
        default: throw .ambiguous(label: label, candidates: matches)
        }
    }

    /// "1 Kim Gap-seong (chair), 2 Nam Gwang-woo, …" for messages.
    public var summary: String {
        guard !participants.isEmpty else { return "nobody yet" }
        return participants.map { p in
            p.role == .panelist ? "\(p.position) \(p.name)" : "\(p.position) \(p.name) (\(p.role.rawValue))"
        }.joined(separator: ", ")
    }

    private static func key(_ text: String) -> String {
        Text.normalized(text).lowercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "." }
    }
}

/// Why a typed speaker label picks nobody, or more than one person.
public enum PanelLookupError: Error, Equatable, Sendable, CustomStringConvertible {
    case noMatch(label: String, panel: Panel)
    case ambiguous(label: String, candidates: [Participant])

    public var description: String {
        switch self {
        case .noMatch(let label, let panel):
            "Nobody on the panel matches '\(label)'. The panel: \(panel.summary)."
        case .ambiguous(let label, let candidates):
            "'\(label)' matches \(candidates.map(\.name).joined(separator: " and ")); type more of the name or the number."
        }
    }
}
