import MadangCore
import MadangService

/// Gathers the opinions sent through the public form while a write is under way, and stores
/// each gathering in one transaction: one commit for many senders, so a burst is written as
/// fast as the disk allows. A sender is answered only once their opinion is committed.
actor SubmissionQueue {
    private typealias Waiter = CheckedContinuation<Result<Item, any Error>, any Error>

    private let workspace: Workspace
    private var waiting: [String: [(PublicComment, Waiter)]] = [:]
    private var writing: Set<String> = []

    init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Stores `comment` in hearing `slug` with the others waiting, and returns it as stored or
    /// why it was refused; throws when the hearing does not take it or the file failed.
    func submit(_ comment: PublicComment, to slug: String) async throws -> Result<Item, any Error> {
        try await withCheckedThrowingContinuation { (waiter: Waiter) in
            waiting[slug, default: []].append((comment, waiter))
            if !writing.contains(slug) {
                writing.insert(slug)
                Task { await self.drain(slug) }
            }
        }
    }

    /// Writes what waits for `slug`, again and again, until nothing does.
    private func drain(_ slug: String) async {
        while let batch = waiting.removeValue(forKey: slug), !batch.isEmpty {
            do {
                let results = try await workspace.submitComments(to: slug, batch.map(\.0))
                for ((_, waiter), result) in zip(batch, results) { waiter.resume(returning: result) }
            } catch {
                for (_, waiter) in batch { waiter.resume(throwing: error) }
            }
        }
        writing.remove(slug)
    }
}
