import Foundation

/// Set when the task that started a long piece of work is cancelled; the work looks
/// at it between rows and stops, rolling back what it began.
final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    func cancel() {
        lock.withLock { cancelled = true }
    }

    var isCancelled: Bool {
        lock.withLock { cancelled }
    }

    /// Throws ``ServiceError/cancelled`` once the task was cancelled.
    func check() throws(ServiceError) {
        if isCancelled { throw .cancelled }
    }
}
