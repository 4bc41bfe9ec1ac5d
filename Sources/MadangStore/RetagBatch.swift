import Foundation
import MadangCore

/// A batch of items on its way through ``Store/retag(hearingID:classify:stored:)``:
/// classified on the worker thread, then stored on the database's. `done` says when
/// the worker is through with it; only then does the other thread read its results.
final class RetagBatch: @unchecked Sendable {
    /// Items per batch: enough to keep the categorizer's tables warm in the cache, and
    /// memory small (at most three batches are held).
    static let size = 256
    let items: [Item]
    private(set) var tags: [[Tag]] = []
    private(set) var error: (any Error)?
    private(set) var seconds = 0.0
    let done = DispatchSemaphore(value: 0)

    init(_ items: [Item]) { self.items = items }

    func classify(with classify: ([Item]) throws -> [[Tag]]) {
        defer { done.signal() }
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            tags = try classify(items)
            if tags.count != items.count { error = StoreError.classifierMiscounted(items: items.count, tagLists: tags.count) }
        } catch {
            self.error = error
        }
        seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
