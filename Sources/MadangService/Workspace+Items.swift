import MadangCore
import MadangStore

extension Workspace {
    // Every item added here is filed under the hearing's goals as it is stored.

    /// Records a statement by the panelist `speaker` names (their number or the start of
    /// their name); it takes the next place in the speaking order.
    ///
    /// `key`, chosen by the front end when the remark was typed, makes sending it again
    /// harmless: a remark whose key was stored before is not stored twice, and the one
    /// stored then is returned.
    public func addStatement(to slug: String, speaker: String, text: String, key: String? = nil) async throws -> Item {
        try await run { store in
            let hearing = try store.hearing(slug: slug)
            let who = try store.panel(hearingID: hearing.id ?? 0).speaker(labelled: speaker)
            return try store.addItems([.statement(hearingID: hearing.id ?? 0, speakerID: who.id ?? 0, body: text)], keys: [key],
                                      filing: try Workspace.filing(store: store, hearingID: hearing.id ?? 0))[0]
        }
    }

    /// Records a comment from a member of the public.
    public func addComment(
        to slug: String, text: String, title: String? = nil, author: String? = nil, contact: Contact = Contact(),
        channel: Channel? = nil
    ) async throws -> Item {
        try await run { store in
            let hearing = try store.hearing(slug: slug)
            let item = try store.addItem(.comment(
                hearingID: hearing.id ?? 0, body: text, title: title, author: author, contact: contact, channel: channel),
                filing: try Workspace.filing(store: store, hearingID: hearing.id ?? 0))
            try Workspace.joinCampaigns(hearingID: hearing.id ?? 0, itemIDs: [item.id ?? 0], store: store)
            return item
        }
    }

    /// Records a proposal from a group, or (without one) from its author.
    public func addProposal(
        to slug: String, text: String, group: String?, title: String, supporters: Int? = nil, author: String? = nil,
        contact: Contact = Contact()
    ) async throws -> Item {
        try await run { store in
            let hearing = try store.hearing(slug: slug)
            let item = try store.addItem(.proposal(
                hearingID: hearing.id ?? 0, group: group, title: title, body: text, supporters: supporters,
                author: author, contact: contact), filing: try Workspace.filing(store: store, hearingID: hearing.id ?? 0))
            try Workspace.joinCampaigns(hearingID: hearing.id ?? 0, itemIDs: [item.id ?? 0], store: store)
            return item
        }
    }

    /// One page of the hearing's items: statements in speaking order, then comments and
    /// proposals as they were received.
    ///
    /// - Parameters:
    ///   - goal: only items filed under the goal with this id.
    ///   - withdrawn: also the items taken off the record (``Item/withdrawal`` says which).
    ///   - page: where the page starts and how long it is; ``ItemPage/next`` asks for the page after.
    ///   - withGoals: also read the goals each item is filed under (``ItemPage/goals``).
    /// - Throws: ``StoreError/unknownGoal(code:existing:)`` for a goal the hearing does not have.
    public func items(
        of slug: String, kind: ItemKind? = nil, goal: String? = nil, withdrawn: Bool = false, page: ItemPage.Request = .all,
        withGoals: Bool = true
    ) async throws -> ItemPage {
        try await run { store in
            let hearingID = try store.hearing(slug: slug).id ?? 0
            if let goal {
                let codes = try store.goals(hearingID: hearingID).map(\.code)
                guard codes.contains(goal) else { throw StoreError.unknownGoal(code: goal, existing: codes) }
            }
            // One row more than asked says whether another page follows.
            let limit = page.limit.map { $0 + 1 }
            var items = try store.items(
                hearingID: hearingID, kind: kind, goal: goal, withdrawn: withdrawn, offset: page.offset, limit: limit)
            let more = page.limit.map { items.count > $0 } ?? false
            if more { items.removeLast() }
            return ItemPage(
                items: items, goals: withGoals ? try store.tags(itemIDs: items.compactMap(\.id)) : [:],
                campaigns: withGoals ? try store.campaignIDs(itemIDs: items.compactMap(\.id)) : [:],
                next: more ? ItemPage.Request(offset: page.offset + items.count, limit: page.limit) : nil)
        }
    }

    /// The hearing's items that hold every word of `query` in their title or text, best
    /// matches first, each with a passage whose matches stand between `highlight`'s marks.
    public func search(
        _ slug: String, for query: String, limit: Int = 20, highlight: (String, String) = ("[", "]")
    ) async throws -> [SearchHit] {
        let (open, close) = highlight
        return try await run { store in
            try store.search(hearingID: try store.hearing(slug: slug).id ?? 0, query: query, limit: limit, highlight: (open, close))
        }
    }

    /// A person's decision: files item `itemID` under goal `goal` (`tagged`), or takes it
    /// out so the machine never puts it back. Audited under this workspace's actor.
    public func decide(item itemID: Int64, goal: String, tagged: Bool) async throws {
        try await run { store in try store.decide(itemID: itemID, goalCode: goal, tagged: tagged) }
    }
}

/// A page of items, and how to ask for the next.
public struct ItemPage: Sendable {
    /// Where a page starts and how many items it holds at most.
    public struct Request: Hashable, Sendable {
        /// How many items come before the page.
        public var offset: Int
        /// The most items on the page; nil for all that remain.
        public var limit: Int?

        public init(offset: Int = 0, limit: Int? = nil) {
            self.offset = max(0, offset)
            self.limit = limit.map { max(1, $0) }
        }

        /// Every item on one page.
        public static let all = Request()
    }

    public var items: [Item]
    /// The goals each item is filed under (by a person, or by the machine where no person
    /// decided otherwise), by item id; empty when not asked for.
    public var goals: [Int64: [Tag]]
    /// The campaign each item belongs to, by item id, for those in one; empty when goals were not asked for.
    public var campaigns: [Int64: Int64]
    /// The request for the page after this one; nil on the last page.
    public var next: Request?
}
