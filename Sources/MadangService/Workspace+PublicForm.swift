import Foundation
import MadangCore
import MadangStore

extension Workspace {
    /// The hearing, and its comment period as it stands now: what its web form shows.
    public func publicForm(_ slug: String) async throws -> (hearing: Hearing, period: CommentPeriod) {
        try await run { store in
            let hearing = try store.hearing(slug: slug)
            return (hearing, CommentPeriod(of: hearing))
        }
    }

    /// Records opinions sent through the hearing's web form, as comments received online
    /// with web provenance, filed under its goals and joined to its campaigns as they are
    /// stored. All that pass their checks are stored in one transaction; each comment has
    /// its own result: the stored item, or why it was refused.
    ///
    /// - Throws: ``ServiceError/commentsClosed(hearing:period:)`` outside the comment period;
    ///   a fault of the file, when none was stored.
    public func submitComments(to slug: String, _ comments: [PublicComment]) async throws -> [Result<Item, any Error>] {
        try await run { store in
            let hearing = try store.hearing(slug: slug)
            let period = CommentPeriod(of: hearing)
            guard period.isOpen else { throw ServiceError.commentsClosed(hearing: slug, period: period) }
            let hearingID = hearing.id ?? 0
            var results: [Result<Item, any Error>] = comments.map { comment in
                Result {
                    try Item.comment(hearingID: hearingID, body: comment.text, author: comment.name,
                                     contact: comment.contact(), channel: .online, provenance: .web).validated()
                }.mapError { error in
                    if let error = error as? ValidationError { StoreError.invalid(error) } else { error }
                }
            }
            let valid = results.enumerated().compactMap { index, result in (try? result.get()).map { (index, $0) } }
            guard !valid.isEmpty else { return results }
            let stored = try store.addItems(valid.map(\.1), filing: try Workspace.filing(store: store, hearingID: hearingID))
            try Workspace.joinCampaigns(hearingID: hearingID, itemIDs: stored.compactMap(\.id), store: store)
            for ((index, _), item) in zip(valid, stored) { results[index] = .success(item) }
            return results
        }
    }

    /// The receipt number a sender is given for an opinion: the hearing's number and the
    /// opinion's, such as `3-000124`.
    public static func receiptNumber(of item: Item) -> String {
        let id = String(item.id ?? 0)
        return "\(item.hearingID)-" + String(repeating: "0", count: max(0, 6 - id.count)) + id
    }

    /// Whether `number` is the receipt of an opinion sent through hearing `slug`'s web form,
    /// so that a receipt page is shown only for an opinion that was received.
    public func isReceipt(_ number: String, of slug: String) async throws -> Bool {
        let parts = number.split(separator: "-")
        guard parts.count == 2, let hearingID = Int64(parts[0]), let itemID = Int64(parts[1]) else { return false }
        return try await run { store in
            guard try store.hearing(slug: slug).id == hearingID, let item = try? store.item(id: itemID) else { return false }
            return item.hearingID == hearingID && item.provenance == .web && Workspace.receiptNumber(of: item) == number
        }
    }

    /// The opinions and statements stored since item `after`, in the order they were stored:
    /// what a page that shows the hearing live asks for to stay current.
    public func items(of slug: String, after: Int64, limit: Int = 200) async throws -> [Item] {
        try await run { store in try store.items(hearingID: try store.hearing(slug: slug).id ?? 0, limit: limit, after: after) }
    }
}
