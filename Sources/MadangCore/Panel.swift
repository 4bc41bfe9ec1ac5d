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

    /// Finds the participant a transcript's label names, as organizers write labels:
    /// what ``participant(matching:)`` takes, after a leading bullet (`○ 김철수`, `- Kim`),
    /// with a title after the name (`김철수 교수`, `Nam Gwang-woo, Kyungsung University`),
    /// or a role one person holds (`좌장`, `사회자`, `Chair`).
    public func speaker(labelled label: String) throws(PanelLookupError) -> Participant {
        let bullets: Set<Character> = ["○", "●", "◦", "•", "·", "-", "*", "▶", "▷", "■", "□", "◎", "◆", "◇", "※", "–", "—"]
        let bare = String(label.drop { bullets.contains($0) || $0.isWhitespace })
        do {
            return try participant(matching: bare)
        } catch let first {
            if let role = ParticipantRole(userText: bare) {
                let holders = participants.filter { $0.role == role }
                if holders.count == 1 { return holders[0] }
            }
            // A title after the name: try the name alone, one word shorter each time.
            var words = bare.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
            while words.count > 1 {
                words.removeLast()
                if let match = try? participant(matching: words.joined(separator: " ")) { return match }
            }
            throw first
        }
    }

    /// What an organizer should look at again: more than one chair, or one name twice.
    public var warnings: [PanelWarning] {
        var warnings: [PanelWarning] = []
        let chairs = participants.filter { $0.role == .chair }
        if chairs.count > 1 { warnings.append(.severalChairs(chairs)) }
        var seen: [String: [Participant]] = [:]
        var order: [String] = []
        for participant in participants {
            let key = Panel.key(participant.name)
            if seen[key] == nil { order.append(key) }
            seen[key, default: []].append(participant)
        }
        for key in order where seen[key]!.count > 1 { warnings.append(.sameName(seen[key]!)) }
        return warnings
    }

    /// "1 Kim Gap-seong (chair), 2 Nam Gwang-woo, …" for messages.
    public var summary: String {
        guard !participants.isEmpty else { return "nobody yet" }
        return participants.map { p in
            p.role == .panelist ? "\(p.position) \(p.name)" : "\(p.position) \(p.name) (\(p.role.rawValue))"
        }.joined(separator: ", ")
    }

    /// "number 1 Kim, number 3 Lee" for messages.
    static func list(_ people: [Participant]) -> String {
        people.map { "number \($0.position) \($0.name)" }.joined(separator: ", ")
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

/// Something on a panel that is allowed but most likely a mistake.
public enum PanelWarning: Hashable, Sendable, CustomStringConvertible {
    /// A hearing has one chair; these all hold the role.
    case severalChairs([Participant])
    /// These participants have the same name, so typing it picks nobody.
    case sameName([Participant])

    public var description: String {
        switch self {
        case .severalChairs(let chairs):
            "The panel has \(chairs.count) chairs: \(Panel.list(chairs))."
        case .sameName(let people):
            "\(people.count) people on the panel are called \(people[0].name) (\(Panel.list(people))); "
                + "pick them by number, or tell them apart by name."
        }
    }
}
