import MadangCore
import Foundation

/// Hands values from one thread to another through a bounded buffer: the sender
/// waits while it is full, the receiver while it is empty. Either side can stop
/// the other: the sender by finishing (with an error, or none), the receiver by
/// cancelling.
final class BatchChannel<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [Element] = []
    private var head = 0
    private let capacity: Int
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Waits for room, then adds `element`; false when the receiver has cancelled.
    func send(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while buffer.count - head >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        buffer.append(element)
        condition.broadcast()
        return true
    }

    /// No more values will come; `error`, if any, is thrown to the receiver after
    /// the values already sent.
    func finish(throwing error: (any Error)? = nil) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next value, waiting for it; nil once the sender has finished and every
    /// value was received.
    func receive() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == buffer.count && !finished { condition.wait() }
        if head < buffer.count {
            let element = buffer[head]
            head += 1
            if head > 64 && head * 2 > buffer.count {
                buffer.removeFirst(head)
                head = 0
            }
            condition.broadcast()
            return element
        }
        if let failure { throw failure }
        return nil
    }

    /// The receiver stops: a waiting or later ``send(_:)`` returns false.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
