import Foundation
import GRDB
import MadangCore
@testable import MadangStore

/// A database file in a fresh temporary folder, removed when the test is done with it.
final class TemporaryDatabase: Sendable {
    let folder: URL
    var path: String { folder.appendingPathComponent("test.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("madang-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func store() throws -> Store { try Store.create(at: path, actor: "test") }

    /// The file opened without the store, for migrating it by hand to an older schema.
    func rawQueue() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.prepareDatabase { $0.add(tokenizer: SearchIndexTokenizer.self) }
        return try DatabaseQueue(path: path, configuration: configuration)
    }
}
