import Foundation
import MadangCore
import MadangStore

extension Workspace {
    /// The hearing's response states, in order.
    public func responseStates(_ slug: String) async throws -> [ResponseState] {
        try await run { store in try store.responseStates(hearingID: try store.hearing(slug: slug).id ?? 0) }
    }

    /// Gives the hearing its own response states instead of the defaults.
    public func setResponseStates(_ slug: String, _ states: [ResponseState]) async throws {
        try await run { store in try store.setResponseStates(hearingID: try store.hearing(slug: slug).id ?? 0, states) }
    }

    /// Answers the opinions `selection` picks, all in one transaction, audited item by item.
    /// A later call on some of them adjusts only what it gives.
    ///
    /// - Throws: ``ServiceError/nothingSelected(hearing:)`` when the selection is empty;
    ///   ``StoreError/invalid(_:)`` for an unknown state or a missing reason.
    public func respond(_ slug: String, to selection: OpinionSelection, _ change: ResponseChange) async throws -> [Response] {
        try await run { store in
            let hearing = try store.hearing(slug: slug)
            let ids = try Workspace.select(selection, in: hearing, store: store)
            guard !ids.isEmpty else { throw ServiceError.nothingSelected(hearing: slug) }
            return try store.respond(hearingID: hearing.id ?? 0, itemIDs: ids, change)
        }
    }

    /// The ids `selection` picks, in order, each once: items by number (any kind), then the
    /// comments and proposals under the goal and those matching the search.
    static func select(_ selection: OpinionSelection, in hearing: Hearing, store: Store) throws -> [Int64] {
        let hearingID = hearing.id ?? 0
        var ids = selection.items
        if let goal = selection.goal {
            let codes = try store.goals(hearingID: hearingID).map(\.code)
            guard codes.contains(goal) else { throw StoreError.unknownGoal(code: goal, existing: codes) }
            ids += try store.items(hearingID: hearingID, goal: goal).filter { $0.kind != .statement }.compactMap(\.id)
        }
        if let words = selection.search {
            ids += try store.search(hearingID: hearingID, query: words, limit: Int(Int32.max))
                .map(\.item).filter { $0.kind != .statement }.compactMap(\.id)
        }
        var seen = Set<Int64>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// The response register: every comment and proposal of the hearing (and each statement
    /// that has a response), with its goals, the label its author goes by, and its response.
    ///
    /// - Parameter state: only the opinions with a response in this state (code or label).
    public func responseRegister(_ slug: String, state: String? = nil) async throws -> ResponseRegister {
        try await run { store in try Workspace.register(slug, state: state, store: store) }
    }

    static func register(_ slug: String, state: String? = nil, publishedOnly: Bool = false, store: Store) throws -> ResponseRegister {
        let hearing = try store.hearing(slug: slug)
        let hearingID = hearing.id ?? 0
        let states = try store.responseStates(hearingID: hearingID)
        let wanted = try state.map { text in
            guard let state = ResponseState.named(text, in: states) else {
                throw StoreError.invalid(.unknownState(text, known: states.map { "\($0.korean) (\($0.code))" }))
            }
            return state.code
        }
        let responses = try store.responses(hearingID: hearingID, publishedOnly: publishedOnly)
        let items = try store.items(hearingID: hearingID).filter { $0.kind != .statement || responses[$0.id ?? 0] != nil }
        let ids = items.compactMap(\.id)
        let tags = try store.tags(itemIDs: ids)
        let numbers = try store.citizenNumbers(hearingID: hearingID, ids: ids.filter { id in items.contains { $0.id == id && $0.kind != .statement } })
        let rows = items.compactMap { item -> ResponseRegister.Row? in
            let id = item.id ?? 0
            let response = responses[id]
            if let wanted, response?.state != wanted { return nil }
            return ResponseRegister.Row(item: item, goals: (tags[id] ?? []).map(\.goalCode), citizenNumber: numbers[id], response: response)
        }
        return ResponseRegister(hearing: hearing, states: states, rows: rows)
    }

    /// Publishes every draft response of the hearing; returns how many.
    public func publishResponses(_ slug: String) async throws -> Int {
        try await run { store in try store.publishResponses(hearingID: try store.hearing(slug: slug).id ?? 0) }
    }
}

/// Which opinions to answer: items by number, every comment and proposal under a goal,
/// every one matching a search, or any mix.
public struct OpinionSelection: Hashable, Sendable {
    public var items: [Int64]
    public var goal: String?
    public var search: String?

    public init(items: [Int64] = [], goal: String? = nil, search: String? = nil) {
        self.items = items
        self.goal = goal
        self.search = search
    }
}

/// A hearing's opinions with their responses, as officials work through them.
public struct ResponseRegister: Sendable {
    public struct Row: Sendable {
        public var item: Item
        /// The codes of the goals it is filed under.
        public var goals: [String]
        /// For a comment or proposal: the number its author goes by ("Citizen 6").
        public var citizenNumber: Int?
        public var response: Response?
    }

    public var hearing: Hearing
    public var states: [ResponseState]
    public var rows: [Row]

    /// The state with this code.
    public func state(_ code: String) -> ResponseState? { states.first { $0.code == code } }
}
