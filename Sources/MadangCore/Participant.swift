/// A person on the record at a hearing: the chair, a panelist, a presenter or an official.
///
/// Participants speak on the record, so their names appear in digests.
public struct Participant: Hashable, Codable, Sendable {
    public var id: Int64?
    public var hearingID: Int64
    public var name: String
    public var affiliation: String?
    public var role: ParticipantRole
    /// The place in the panel's order, starting at 1.
    public var position: Int

    public init(
        id: Int64? = nil, hearingID: Int64, name: String, affiliation: String? = nil,
        role: ParticipantRole, position: Int
    ) {
        self.id = id
        self.hearingID = hearingID
        self.name = name
        self.affiliation = affiliation
        self.role = role
        self.position = position
    }

    /// "Nam Gwang-woo (Kyungsung University)", or the name alone.
    public var nameWithAffiliation: String {
        affiliation.map { "\(name) (\($0))" } ?? name
    }
}
