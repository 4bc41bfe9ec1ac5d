import Foundation
import MadangCore

/// What a digest is made from, read from the store in one transaction without
/// loading every item: the hearing, its panel and statements, counts per goal and
/// kind, a bounded sample of each goal's public opinions to quote from, each goal's
/// most supported proposals, and where the opinions came from.
///
/// Made by ``Store/digestRecords(hearingID:sampleSize:proposalsPerGoal:)``.
public struct DigestRecords: Sendable {
    /// A citizen's comment or a group's proposal, as a digest may quote it.
    public struct Opinion: Hashable, Sendable {
        public var id: Int64
        public var kind: ItemKind
        public var title: String?
        public var body: String
        /// The author's name as given; a digest shows it only when asked to.
        public var author: String?
        /// For a proposal: the group that made it.
        public var group: String?
        public var supporters: Int?
        /// N when this is the N-th public opinion (comment or proposal) the hearing
        /// received, counting in the order they were stored: "Citizen N".
        public var citizenNumber: Int

        public init(id: Int64, kind: ItemKind, title: String?, body: String, author: String?,
                    group: String?, supporters: Int?, citizenNumber: Int) {
            self.id = id
            self.kind = kind
            self.title = title
            self.body = body
            self.author = author
            self.group = group
            self.supporters = supporters
            self.citizenNumber = citizenNumber
        }
    }

    /// One goal's share of the hearing, or (with no goal) the opinions no goal holds.
    public struct GoalRecords: Sendable {
        /// Nil for the opinions filed under no goal.
        public var goal: PolicyGoal?
        /// How many items of each kind are filed under the goal.
        public var counts: [ItemKind: Int]
        /// The goal's public opinions, or an even sample of about `sampleSize` of them
        /// when there are more: chosen by a hash of the id, so the same every time.
        public var sample: [Opinion]
        /// True when ``sample`` holds every public opinion of the goal.
        public var sampleIsComplete: Bool
        /// The goal's proposals with the most supporters, most first.
        public var topProposals: [Opinion]
        /// Ids of the panel statements filed under the goal, in speaking order.
        public var statementIDs: [Int64]
    }

    /// Where some of the hearing's items came from.
    public struct Source: Sendable {
        /// `typed`, `imported` or `web`.
        public var provenance: String
        /// The import batch, for imported items.
        public var batch: ImportBatch?
        public var count: Int
        /// When the earliest and latest of these items were received (for typed and web items).
        public var firstReceivedAt: Date?
        public var lastReceivedAt: Date?
    }

    public var hearing: Hearing
    public var panel: Panel
    /// The panel's statements in speaking order, with speakers' names.
    public var statements: [Item]
    /// How many items of each kind the hearing holds.
    public var counts: [ItemKind: Int]
    /// Each goal and strategy in the taxonomy's order.
    public var goals: [GoalRecords]
    /// The opinions filed under no goal.
    public var uncategorized: GoalRecords
    /// Typed and web items by provenance, then each live import batch.
    public var sources: [Source]
    /// The hearing's campaigns, largest first (their members in force counted).
    public var campaigns: [Campaign] = []
    /// The campaign of each opinion the digest may quote, for those in one.
    public var campaignOf: [Int64: Int64] = [:]
}
