import Foundation
import GRDB
import MadangCore
import Testing
@testable import MadangStore

@Suite("Import batches")
struct ImportBatchTests {
    let database = try! TemporaryDatabase()

    func source(_ hearingID: Int64) -> ImportBatchSource {
        ImportBatchSource(hearingID: hearingID, kind: .comment, fileName: "c.csv", encoding: "utf-8", delimiter: "comma")
    }

    /// Imports `bodies` as one batch whose file hash is `sha`.
    @discardableResult
    func importComments(_ store: Store, _ hearingID: Int64, _ bodies: [String], sha: String, keep: Bool = true) throws -> ImportBatch {
        try store.importBatch(source(hearingID), keep: { _ in keep }) { inserter in
            var imported = 0, duplicates = 0
            for body in bodies {
                let item = try Item.comment(hearingID: hearingID, body: body).validated()
                if try inserter.insert(item, fingerprint: Array(("fp-" + body).utf8)) != nil { imported += 1 } else { duplicates += 1 }
            }
            return ImportBatchCounts(sha256: sha, rowsRead: bodies.count, imported: imported, duplicates: duplicates, rejected: 0)
        }.batch
    }

    @Test("A later export adds only its new rows; the same file is refused; undo removes exactly one batch's contribution")
    func batches() throws {
        let store = try database.store()
        let id = try #require(store.addHearing(Hearing(slug: "h", title: "H")).id)
        _ = try store.addItem(.comment(hearingID: id, body: "typed by hand"))
        let first = try importComments(store, id, ["a", "b"], sha: "sha-1")
        #expect(first.imported == 2)
        let second = try importComments(store, id, ["a", "b", "c"], sha: "sha-2")
        #expect((second.imported, second.duplicates) == (1, 2))
        #expect(throws: StoreError.self) { try importComments(store, id, ["z"], sha: "sha-1") }
        #expect(try store.items(hearingID: id).count == 4)

        // The second export holds a and b too, so they stay.
        let undone = try store.undoBatch(id: first.id)
        #expect((undone.removed, undone.kept) == (0, 2))
        #expect(try store.items(hearingID: id).map(\.body).sorted() == ["a", "b", "c", "typed by hand"])
        #expect(throws: StoreError.self) { try store.undoBatch(id: first.id) }
        // After the undo, the same file can come in again; it finds its rows held by the second.
        let again = try importComments(store, id, ["a", "b"], sha: "sha-1")
        #expect((again.imported, again.duplicates) == (0, 2))
        let undoneSecond = try store.undoBatch(id: second.id)
        #expect((undoneSecond.removed, undoneSecond.kept) == (1, 2))
        #expect(try store.items(hearingID: id).map(\.body).sorted() == ["a", "b", "typed by hand"])
        #expect(try store.undoBatch(id: again.id).removed == 2)
        #expect(try store.items(hearingID: id).map(\.body) == ["typed by hand"])
        #expect(try store.importBatches(hearingID: id).count == 3)
    }

    @Test("A batch that is not kept leaves nothing, not even its batch record")
    func rollback() throws {
        let store = try database.store()
        let id = try #require(store.addHearing(Hearing(slug: "h", title: "H")).id)
        let preview = try importComments(store, id, ["a", "b"], sha: "sha-1", keep: false)
        #expect(preview.imported == 2)
        #expect(try store.items(hearingID: id).isEmpty)
        #expect(try store.importBatches().isEmpty)
        #expect(try store.search(hearingID: id, query: "a").isEmpty)
    }

    @Test("A file made before import batches existed opens, keeps its items, and takes imports")
    func upgradeFromV1() throws {
        let queue = try database.rawQueue()
        let v1 = try #require(Schema.migrator.migrations.first)
        try Schema.migrator.migrate(queue, upTo: v1)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO hearing (slug, title, kind, createdAt) VALUES ('old', 'Old', 'seminar', '2024-01-01T00:00:00.000Z')")
            try db.execute(sql: """
                INSERT INTO item (hearingId, kind, body, source, receivedAt, createdAt)
                VALUES (1, 'comment', '예전 의견입니다', 'typed', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')
                """)
        }
        try queue.close()

        let store = try Store.open(at: database.path, actor: "test")
        #expect(try store.appliedMigrations() == Schema.migrator.migrations)
        let hearing = try store.hearing(slug: "old")
        #expect(try store.items(hearingID: hearing.id!).map(\.body) == ["예전 의견입니다"])
        #expect(try store.search(hearingID: hearing.id!, query: "의견").count == 1)
        #expect(try importComments(store, hearing.id!, ["new"], sha: "s").imported == 1)
    }

    @Test("Hexadecimal fingerprints from before v9 become 16 bytes, so a later export still finds those rows")
    func fingerprintsUpgrade() throws {
        let queue = try database.rawQueue()
        let v8 = try #require(Schema.migrator.migrations.first { $0.hasPrefix("v8:") })
        try Schema.migrator.migrate(queue, upTo: v8)
        let hex = "00112233445566778899aabbccddeeff" + String(repeating: "0123456789abcdef", count: 2)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO hearing (slug, title, kind, createdAt) VALUES ('old', 'Old', 'seminar', '2024-01-01T00:00:00.000Z')")
            try db.execute(sql: """
                INSERT INTO item (hearingId, kind, body, source, receivedAt, createdAt, fingerprint)
                VALUES (1, 'comment', 'imported before', 'imported', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', ?)
                """, arguments: [hex])
        }
        try queue.close()

        let store = try Store.open(at: database.path, actor: "test")
        let bytes: [UInt8] = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF]
        #expect(Schema.fingerprintBytes(hex) == bytes)
        #expect(Schema.fingerprintBytes("fp-x") == Array("fp-x".utf8))
        let outcome = try store.importBatch(source(1), keep: { _ in true }) { inserter in
            let item = try Item.comment(hearingID: 1, body: "imported before").validated()
            let again = try inserter.insert(item, fingerprint: bytes)
            let new = try inserter.insert(item, fingerprint: Array(bytes.reversed()))
            return ImportBatchCounts(sha256: "s", rowsRead: 2, imported: (again == nil ? 0 : 1) + (new == nil ? 0 : 1),
                                     duplicates: again == nil ? 1 : 0, rejected: 0)
        }
        #expect(outcome.batch.duplicates == 1 && outcome.batch.imported == 1)
    }

    @Test("A file made before v12 takes a proposal without a group, and keeps its rows, tags, search and indexes")
    func personalProposalsUpgrade() throws {
        let queue = try database.rawQueue()
        let v11 = try #require(Schema.migrator.migrations.first { $0.hasPrefix("v11:") })
        try Schema.migrator.migrate(queue, upTo: v11)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO hearing (slug, title, kind, createdAt) VALUES ('old', 'Old', 'seminar', '2024-01-01T00:00:00.000Z')")
            try db.execute(sql: "INSERT INTO citizenGroup (name, createdAt) VALUES ('Gwangju citizens', '2024-01-01T00:00:00.000Z')")
            try db.execute(sql: """
                INSERT INTO item (hearingId, kind, title, body, groupId, source, receivedAt, createdAt)
                VALUES (1, 'proposal', '데이터', '데이터허브를 열어 주세요', 1, 'typed', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
                INSERT INTO itemSearch (rowid, title, body) SELECT id, title, body FROM item;
                INSERT INTO policyGoal (hearingId, code, name, terms, position) VALUES (1, 'D', 'Data', '{"terms":[],"excludes":[]}', 0);
                INSERT INTO tag (itemId, goalId, source, taggedAt) VALUES (1, 1, 'rule', '2024-01-01T00:00:00.000Z');
                """)
            // Before v12, a proposal needed a group.
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: """
                    INSERT INTO item (hearingId, kind, title, body, source, receivedAt, createdAt)
                    VALUES (1, 'proposal', 'Mine', 'My own proposal', 'typed', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')
                    """)
            }
        }
        try queue.close()

        let store = try Store.open(at: database.path, actor: "test")
        #expect(try store.appliedMigrations() == Schema.migrator.migrations)
        let own = try store.addItem(.proposal(hearingID: 1, group: nil, title: "통학로 가로수", body: "나무를 심어 주세요", author: "홍길동"))
        #expect(own.group == nil && own.author == "홍길동")
        #expect(try store.items(hearingID: 1).map(\.group) == ["Gwangju citizens", nil])
        #expect(try store.tags(hearingID: 1).map(\.goalCode) == ["D"])
        #expect(try store.search(hearingID: 1, query: "데이터허브").count == 1 && store.search(hearingID: 1, query: "나무").count == 1)
        // Its triggers and indexes came back with it.
        let names = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'item' AND type IN ('index', 'trigger') ORDER BY name")
        }
        #expect(names.contains("item_search_delete") && names.contains("item_by_fingerprint") && names.contains("item_by_hearing"))
        try store.deleteItem(id: 1)
        #expect(try store.search(hearingID: 1, query: "데이터허브").isEmpty)
    }
}
