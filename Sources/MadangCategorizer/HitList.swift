import MadangCore

/// The hits of one scan, in memory kept from one text to the next. A class, not an
/// array: adding a hit checks the capacity and nothing else (an array asks the runtime
/// whether its buffer is shared on every append, and a text has a hit every few dozen
/// bytes). Whoever holds one is its only user.
final class HitList: RandomAccessCollection {
    private var base: UnsafeMutablePointer<TermMatcher.Hit>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> TermMatcher.Hit {
        get {
            precondition(position >= 0 && position < count, "hit \(position) of \(count)")
            return base[position]
        }
        set {
            precondition(position >= 0 && position < count, "hit \(position) of \(count)")
            base[position] = newValue
        }
    }

    @inline(__always)
    func append(_ hit: TermMatcher.Hit) {
        if count == capacity { grow() }
        base[count] = hit
        count += 1
    }

    func removeAll() { count = 0 }

    private func grow() {
        let larger = UnsafeMutablePointer<TermMatcher.Hit>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
