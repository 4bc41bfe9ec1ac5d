import Foundation
import GRDB
import MadangCore
import Testing
@testable import MadangStore

@Suite("Campaign letters kept for joining on arrival")
struct CampaignLetterTests {
    let database: TemporaryDatabase

    init() throws {
        database = try TemporaryDatabase()
    }

    @Test("A file grouped before v16 names its letters without a sketch once; keeping them clears the mark")
    func lettersFromBeforeV16() throws {
        let queue = try database.rawQueue()
        let v15 = try #require(Schema.migrator.migrations.first { $0.hasPrefix("v15:") })
        try Schema.migrator.migrate(queue, upTo: v15)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO hearing (slug, title, kind, createdAt) VALUES ('old', 'Old', 'seminar', '2024-01-01T00:00:00.000Z')")
            for _ in 0..<2 {
                try db.execute(sql: """
                    INSERT INTO item (hearingId, kind, title, body, source, receivedAt, createdAt)
                    VALUES (1, 'comment', 'Subject', 'the letter', 'typed', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')
                    """)
            }
            try db.execute(sql: "INSERT INTO campaign (hearingId, representativeId, groupedAt) VALUES (1, 1, '2024-01-01T00:00:00.000Z')")
            try db.execute(sql: "INSERT INTO campaignMember (itemId, campaignId) VALUES (1, 1), (2, 1)")
        }
        try queue.close()

        let store = try Store.open(at: database.path, actor: "test")
        let pending = try #require(try store.campaignsWithoutLetter(hearingID: 1))
        #expect(pending.map(\.id) == [1] && pending.map(\.text) == ["Subject\nthe letter"])
        let sketch = LetterSketch(grams: 3, signature: [7, 0, 9], bands: [42, 43])
        try store.saveCampaignLetters(hearingID: 1, [(1, sketch)])
        #expect(try store.campaignsWithoutLetter(hearingID: 1) == nil)
        #expect(try store.campaignIDs(hearingID: 1, bandKeys: [43, 99]) == [1])
        let found = try store.campaignLetters(ids: [1, 2])
        #expect(found.map(\.id) == [1] && found.first?.signature == [7, 0, 9] && found.first?.grams == 3)
        #expect(try store.campaignIDs(hearingID: 1, bandKeys: [99]).isEmpty)
        #expect(try store.campaignLetterText(id: 1) == "Subject\nthe letter")
        // Grouping again replaces the letter and its bands.
        try store.replaceCampaigns(hearingID: 1, [(1, [(1, nil), (2, nil)], LetterSketch(grams: 1, signature: [5], bands: [99]))])
        #expect(try store.campaignIDs(hearingID: 1, bandKeys: [42, 43]).isEmpty)
        #expect(try store.campaignLetters(ids: try store.campaignIDs(hearingID: 1, bandKeys: [99])).first?.signature == [5])
    }

    @Test("A mad-libs campaign's phrases are kept with its letter, grow as variants join, and go when it is grouped as another")
    func phrases() throws {
        let store = try database.store()
        let hearingID = try #require(store.addHearing(Hearing(slug: "h", title: "H")).id)
        var ids: [Int64] = []
        for text in ["one", "two", "three"] {
            ids.append(try #require(try store.addItem(.comment(hearingID: hearingID, body: text)).id))
        }
        var phrases = LetterPhrases(members: 2, grams: [0x0108, 0x0010, 0xFFFF], holders: [2, 1, 70_000], core: [0x0108, 0x0010])
        #expect(phrases.grams == [0x0010, 0x0108, 0xFFFF] && phrases.holders == [1, 2, 70_000] && phrases.core == [0x0010, 0x0108])
        #expect(phrases.holders(in: 0x0010...0x0108) == 3 && phrases.holders(in: 0x0011...0x0107) == 0)
        let letter = LetterSketch(grams: 3, signature: [7, 0, 9], bands: [42], phrases: phrases)
        let campaign = try store.replaceCampaigns(hearingID: hearingID, [(ids[0], [(ids[0], nil), (ids[1], nil)], letter)])[0]
        #expect(try store.campaignPhrases(hearingID: hearingID).map(\.phrases) == [phrases])

        phrases.add([0x0010, 0x0010, 0x0200])
        #expect(phrases.members == 3 && phrases.grams == [0x0010, 0x0108, 0x0200, 0xFFFF] && phrases.holders == [2, 2, 1, 70_000])
        try store.saveCampaignPhrases([(campaign, phrases)])
        #expect(try store.campaignPhrases(hearingID: hearingID).map(\.phrases) == [phrases])
        #expect(try store.campaignMemberIDs(campaign, limit: 5) == [ids[1]])

        try store.replaceCampaigns(hearingID: hearingID, [(ids[0], [(ids[0], nil), (ids[1], nil)], LetterSketch(grams: 1, signature: [5], bands: [99]))])
        #expect(try store.campaignPhrases(hearingID: hearingID).isEmpty)
    }
}
