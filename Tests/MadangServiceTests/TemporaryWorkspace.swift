import Foundation
import MadangCore
import MadangService

/// A workspace in a fresh folder with one hearing, `h`; removed by ``remove()``.
struct TemporaryWorkspace {
    let folder: URL
    let workspace: Workspace

    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("madang-service-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        workspace = try await Workspace.create(at: folder.appendingPathComponent("madang.sqlite").path, actor: "tester")
        _ = try await workspace.addHearing(Hearing(slug: "h", title: "A hearing"))
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A CSV file of `rows` comments (title, body) in the folder; returns its path.
    func comments(_ rows: Int, name: String = "comments.csv") throws -> String {
        var text = "title,body\n"
        for row in 1...rows { text += "Title \(row),\"Comment \(row): 대중교통과 데이터허브를 확충해 주세요.\"\n" }
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}

/// A one-shot signal between a test and work running on another thread.
final class Latch: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var opened = false

    /// Opens the latch for every waiter, now and later; true the first time.
    @discardableResult
    func open() -> Bool {
        let first = lock.withLock { () -> Bool in
            defer { opened = true }
            return !opened
        }
        if first { semaphore.signal() }
        return first
    }

    /// Blocks this thread until the latch opens, or until `seconds` pass (a safeguard
    /// against a deadlock, never a timing); returns whether it opened.
    @discardableResult
    func wait(seconds: Int = 60) -> Bool {
        if lock.withLock({ opened }) { return true }
        guard semaphore.wait(timeout: .now() + .seconds(seconds)) == .success else { return false }
        semaphore.signal()
        return true
    }

    /// True once the latch has opened.
    var isOpen: Bool { lock.withLock { opened } }

    /// Waits for the latch without holding a thread of Swift's cooperative pool.
    func opened(seconds: Int = 60) async -> Bool {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.wait(seconds: seconds)) }
        }
    }
}
