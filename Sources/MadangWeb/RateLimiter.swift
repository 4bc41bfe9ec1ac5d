import Foundation

/// Counts what each address sends in a sliding minute, and says when one sends too much.
actor RateLimiter {
    private let perMinute: Int
    private var windows: [String: (start: Date, count: Int)] = [:]

    /// At most `perMinute` requests a minute from each address; 0 for no limit.
    init(perMinute: Int) {
        self.perMinute = perMinute
    }

    /// Counts one request from `address`; false when it is over the limit.
    func allow(_ address: String, now: Date = Date()) -> Bool {
        guard perMinute > 0 else { return true }
        if windows.count > 100_000 { windows = windows.filter { now.timeIntervalSince($0.value.start) < 60 } }
        var window = windows[address] ?? (now, 0)
        if now.timeIntervalSince(window.start) >= 60 { window = (now, 0) }
        window.count += 1
        windows[address] = window
        return window.count <= perMinute
    }
}
