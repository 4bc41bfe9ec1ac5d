import Foundation

/// A progress line on standard error while long work runs (an import, grouping campaigns),
/// only on a terminal. Updated from the thread that does the work.
final class ProgressLine: @unchecked Sendable {
    private let total: Int
    private let start = Date()
    private let enabled = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    private var last = Date.distantPast
    private var shown = false

    init(total: Int = 0) { self.total = total }

    func update(bytes: Int, rows: Int) {
        let seconds = max(0.001, Date().timeIntervalSince(start))
        let percent = total > 0 ? min(100, bytes * 100 / total) : 100
        say("\(rows) rows, \(Int(Double(rows) / seconds)) rows/s, \(percent)%")
    }

    /// Shows `text` in place of the line before, at most five times a second unless `now`.
    func say(_ text: String, now: Bool = false) {
        guard enabled else { return }
        lock.withLock {
            guard now || Date().timeIntervalSince(last) >= 0.2 else { return }
            last = Date()
            FileHandle.standardError.write(Data("\r\u{1B}[K  \(text)".utf8))
            shown = true
        }
    }

    func finish() {
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}
