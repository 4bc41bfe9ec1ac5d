/// A campaign: opinions that are copies, near-copies or personalised copies of one letter,
/// counted as the people who sent them and as one distinct opinion.
public struct Campaign: Hashable, Codable, Sendable {
    public var id: Int64
    public var hearingID: Int64
    /// The member whose text is the letter's most common form.
    public var representativeID: Int64
    /// That text.
    public var text: String
    /// How many opinions it holds.
    public var size: Int

    public init(id: Int64, hearingID: Int64, representativeID: Int64, text: String, size: Int) {
        self.id = id
        self.hearingID = hearingID
        self.representativeID = representativeID
        self.text = text
        self.size = size
    }
}

/// A campaign with its members, and what each added to the letter.
public struct CampaignMembers: Encodable, Sendable {
    public struct Member: Encodable, Sendable {
        public var item: Item
        /// Sentences of the member that the letter does not hold; nil when it adds nothing.
        public var addition: String?

        public init(item: Item, addition: String?) {
            self.item = item
            self.addition = addition
        }
    }

    public var campaign: Campaign
    public var members: [Member]

    public init(campaign: Campaign, members: [Member]) {
        self.campaign = campaign
        self.members = members
    }
}

/// A person's decision about grouping, which every later regrouping keeps.
public enum CampaignDecision: Hashable, Sendable {
    /// These two opinions are one campaign.
    case together(Int64, Int64)
    /// These two opinions are not one campaign.
    case apart(Int64, Int64)
    /// This opinion belongs to no campaign.
    case detach(Int64)
}
