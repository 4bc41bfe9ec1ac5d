import Foundation

/// A progress line on standard error while a long import runs, only on a terminal.
/// Updated from the thread that stores the rows.
final class ProgressLine: @unchecked Sendable {
    private let total: Int
    private let start = Date()
    private let enabled = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    private var last = Date.distantPast
    private var shown = false

    init(total: Int) { self.total = total }

    func update(bytes: Int, rows: Int) {
        guard enabled else { return }
        lock.withLock {
            guard Date().timeIntervalSince(last) >= 0.2 else { return }
            last = Date()
            let seconds = max(0.001, last.timeIntervalSince(start))
            let percent = total > 0 ? min(100, bytes * 100 / total) : 100
            FileHandle.standardError.write(Data("\r  \(rows) rows, \(Int(Double(rows) / seconds)) rows/s, \(percent)%   ".utf8))
            shown = true
        }
    }

    func finish() {
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}
