/// The three kinds of opinion Madang records.
public enum ItemKind: String, CaseIterable, Codable, Sendable {
    /// Said by a participant during the hearing's panel, in speaking order.
    case statement
    /// From a member of the public: in the room, online, by mail, or imported.
    case comment
    /// From a group, with a title and a count of supporters.
    case proposal
}
