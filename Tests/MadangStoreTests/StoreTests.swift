import Foundation
import GRDB
import MadangCore
import Testing
@testable import MadangStore

@Suite("Store")
struct StoreTests {
    let database = try! TemporaryDatabase()

    func sampleHearing() throws -> Hearing {
        Hearing(
            slug: "smart-city-plan-4", title: "4th Smart City Comprehensive Plan", kind: .publicHearing,
            startsAt: try LocalDateTime(parsing: "2023-01-05 14:00"), venue: "KRIHS auditorium, Sejong",
            organizers: ["MOLIT", "KRIHS"], plan: "4th Smart City Comprehensive Plan (draft)",
            attendanceInPerson: 400, attendanceOnline: 1200)
    }

    @Test("A new file gets every migration; opening it again changes nothing")
    func migrationsFromEmptyFile() throws {
        let store = try database.store()
        #expect(try store.appliedMigrations() == Schema.migrator.migrations)
        let reopened = try Store.open(at: database.path, actor: "test")
        #expect(try reopened.appliedMigrations() == Schema.migrator.migrations)
    }

    @Test("Opening a missing file says to run madang init")
    func missingFile() throws {
        let path = database.folder.appendingPathComponent("none.sqlite").path
        #expect(throws: StoreError.noDatabase(path: path)) { try Store.open(at: path, actor: "test") }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("A file that is not SQLite, or another program's database, is refused")
    func foreignFiles() throws {
        let text = database.folder.appendingPathComponent("notes.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: text))
        #expect(throws: StoreError.self) { try Store.open(at: text, actor: "test") }
        let other = database.folder.appendingPathComponent("other.sqlite").path
        let foreign = try Store.create(at: other, actor: "test")
        try foreign.pool.write { db in
            try db.execute(sql: "DROP TABLE grdb_migrations")
        }
        #expect(throws: StoreError.notMadangDatabase(path: other, reason: "it holds tables of another program")) {
            try Store.open(at: other, actor: "test")
        }
    }

    @Test("Another program's database is refused without a byte of it changed, or a WAL file made")
    func foreignFileUntouched() throws {
        let path = database.folder.appendingPathComponent("accounts.db").path
        do {
            let other = try DatabaseQueue(path: path)
            try other.write { db in
                try db.execute(sql: "CREATE TABLE account (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO account (name) VALUES ('kim')")
            }
            try other.close()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try Store.open(at: path, actor: "test") }
        #expect(throws: StoreError.self) { try Store.create(at: path, actor: "test") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("A file from a newer Madang is refused with advice to update")
    func newerSchema() throws {
        let store = try database.store()
        try store.pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v999: from the future')")
        }
        #expect(throws: StoreError.newerSchema(path: database.path)) { try Store.open(at: database.path, actor: "t") }
    }

    @Test("A hearing, its panel and its items read back as they were stored, after reopening")
    func roundTrip() throws {
        let hearing = try sampleHearing()
        var store = try database.store()
        let stored = try store.addHearing(hearing)
        let id = try #require(stored.id)
        let chair = try store.addParticipant(hearingID: id, name: "Kim Gap-seong", affiliation: "Yonsei University", role: .chair)
        let nam = try store.addParticipant(hearingID: id, name: "Nam Gwang-woo", affiliation: "Kyungsung University", role: .panelist)
        let received = Date(timeIntervalSince1970: 1_672_894_800.125)
        let items = try store.addItems([
            .statement(hearingID: id, speakerID: nam.id!, body: "Data hubs need standards.", receivedAt: received),
            .comment(hearingID: id, body: "버스 노선이 부족합니다", author: "Lee", contact: Contact(email: "lee@example.org", phone: "010-1234-5678"), channel: .online, receivedAt: received),
            .proposal(hearingID: id, group: "Gwangju citizen group", title: "Open data", body: "Publish bus data", supporters: 42,
                      provenance: .imported(file: "proposals.csv", line: 7), receivedAt: received),
            .statement(hearingID: id, speakerID: chair.id!, body: "Thank you all.", receivedAt: received),
        ])

        store = try Store.open(at: database.path, actor: "test")
        #expect(try store.hearing(slug: hearing.slug) == stored)
        #expect(try store.panel(hearingID: id).participants == [chair, nam])
        let read = try store.items(hearingID: id)
        #expect(read.count == 4)
        #expect(Set(read) == Set(items))
        #expect(read.map(\.speakingOrder) == [1, 2, nil, nil])
        #expect(read[0].speaker == "Nam Gwang-woo")
        #expect(read[2].contact == Contact(email: "lee@example.org", phone: "010-1234-5678"))
        #expect(read[2].body == "버스 노선이 부족합니다")
        #expect(read[3].group == "Gwangju citizen group")
        #expect(read[3].provenance == .imported(file: "proposals.csv", line: 7))
        #expect(read.allSatisfy { $0.receivedAt == received })
    }

    @Test("Unknown hearings name the ones that exist")
    func unknownHearing() throws {
        let store = try database.store()
        _ = try store.addHearing(try sampleHearing())
        #expect(throws: StoreError.unknownHearing(slug: "nope", existing: ["smart-city-plan-4"])) {
            try store.hearing(slug: "nope")
        }
        #expect(throws: StoreError.duplicateHearing(slug: "smart-city-plan-4")) {
            try store.addHearing(try sampleHearing())
        }
    }

    @Test("Editing a hearing keeps its id and logs what changed")
    func edit() throws {
        let store = try database.store()
        let stored = try store.addHearing(try sampleHearing())
        let edited = try store.updateHearing(slug: stored.slug) { $0.attendanceOnline = 77; $0.slug = "plan-4" }
        #expect(edited.id == stored.id)
        #expect(try store.hearing(slug: "plan-4").attendanceOnline == 77)
        let entry = try #require(store.auditLog().last)
        #expect(entry.action == "hearing.edit")
        #expect(entry.details?.contains("1200 → 77") == true)
        #expect(entry.actor == "test")
    }

    @Test("Invalid input is refused and changes nothing")
    func invalidInputChangesNothing() throws {
        let store = try database.store()
        let id = try #require(store.addHearing(try sampleHearing()).id)
        let before = try store.auditLog().count
        #expect(throws: StoreError.invalid(.empty(field: "text of the comment"))) {
            try store.addItems([.comment(hearingID: id, body: "fine"), .comment(hearingID: id, body: "  \n ")])
        }
        #expect(throws: StoreError.self) {
            try store.addItem(.statement(hearingID: id, speakerID: 999, body: "who?"))
        }
        #expect(try store.items(hearingID: id).isEmpty)
        #expect(try store.auditLog().count == before)
    }

    @Test("Inserting a participant at a position moves the later ones down")
    func panelOrder() throws {
        let store = try database.store()
        let id = try #require(store.addHearing(try sampleHearing()).id)
        _ = try store.addParticipant(hearingID: id, name: "A", role: .chair)
        _ = try store.addParticipant(hearingID: id, name: "B", role: .panelist)
        _ = try store.addParticipant(hearingID: id, name: "C", role: .panelist, position: 2)
        _ = try store.addParticipant(hearingID: id, name: "D", role: .panelist, position: 99)
        let panel = try store.panel(hearingID: id)
        #expect(panel.participants.map(\.name) == ["A", "C", "B", "D"])
        #expect(panel.participants.map(\.position) == [1, 2, 3, 4])
    }

    @Test("Deleting a hearing removes its panel, items and search entries")
    func deleteHearing() throws {
        let store = try database.store()
        let id = try #require(store.addHearing(try sampleHearing()).id)
        let p = try store.addParticipant(hearingID: id, name: "A", role: .chair)
        _ = try store.addItem(.statement(hearingID: id, speakerID: p.id!, body: "교통 문제"))
        #expect(try store.deleteHearing(slug: "smart-city-plan-4"))
        #expect(try !store.deleteHearing(slug: "smart-city-plan-4"))
        let again = try #require(store.addHearing(try sampleHearing()).id)
        #expect(try store.search(hearingID: again, query: "교통").isEmpty)
        #expect(try store.panel(hearingID: again).participants.isEmpty)
    }
}
