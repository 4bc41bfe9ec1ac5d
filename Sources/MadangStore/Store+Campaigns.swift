import Foundation
import GRDB
import MadangCore

extension Store {
    /// The hearing's public opinions in force (comments and proposals), as grouping reads them:
    /// id and text (the title first), in order of id, handed to `body` `batch` at a time so
    /// that a million of them need not be in memory at once.
    public func campaignTexts(hearingID: Int64, batch: Int = 8192, _ body: ([(id: Int64, text: String)]) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, title, body FROM item WHERE hearingId = ? AND kind <> 'statement' AND withdrawnAt IS NULL ORDER BY id
                """, arguments: [hearingID])
            var pending: [(id: Int64, text: String)] = []
            pending.reserveCapacity(batch)
            while let row = try rows.next() {
                pending.append(Store.campaignText(row))
                if pending.count == batch {
                    try body(pending)
                    pending.removeAll(keepingCapacity: true)
                }
            }
            if !pending.isEmpty { try body(pending) }
        }
    }

    /// The opinions `ids` (those in force), as grouping reads them.
    public func campaignTexts(ids: [Int64]) throws -> [(id: Int64, text: String)] {
        try read { db in
            var result: [(id: Int64, text: String)] = []
            for chunk in stride(from: 0, to: ids.count, by: 500) {
                let part = Array(ids[chunk..<min(ids.count, chunk + 500)])
                result += try Row.fetchAll(db, sql: """
                    SELECT id, title, body FROM item WHERE id IN (\(part.map { _ in "?" }.joined(separator: ",")))
                    AND kind <> 'statement' AND withdrawnAt IS NULL ORDER BY id
                    """, arguments: StatementArguments(part)).map(Store.campaignText)
            }
            return result
        }
    }

    private static func campaignText(_ row: Row) -> (id: Int64, text: String) {
        let title: String? = row["title"]
        let body: String = row["body"]
        return (row["id"], title.map { "\($0)\n\(body)" } ?? body)
    }

    /// People's decisions about the hearing's campaigns, oldest first.
    public func campaignDecisions(hearingID: Int64) throws -> [CampaignDecision] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT kind, itemId, otherId FROM campaignDecision WHERE hearingId = ? ORDER BY id",
                             arguments: [hearingID]).compactMap { row in
                let kind: String = row["kind"]
                let item: Int64 = row["itemId"]
                let other: Int64? = row["otherId"]
                switch (kind, other) {
                case ("together", let other?): return .together(item, other)
                case ("apart", let other?): return .apart(item, other)
                case ("detach", _): return .detach(item)
                default: return nil
                }
            }
        }
    }

    /// Records people's decisions about grouping, audited; the next regrouping applies them.
    public func decideCampaigns(hearingID: Int64, _ decisions: [CampaignDecision]) throws {
        try write { db in
            let now = Timestamp.string(Date())
            for decision in decisions {
                let (kind, item, other): (String, Int64, Int64?) = switch decision {
                case .together(let a, let b): ("together", a, b)
                case .apart(let a, let b): ("apart", a, b)
                case .detach(let a): ("detach", a, nil)
                }
                try db.execute(sql: """
                    INSERT INTO campaignDecision (hearingId, kind, itemId, otherId, decidedBy, decidedAt) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [hearingID, kind, item, other, actor, now])
                try audit(db, "campaign.\(kind)", entity: "item", id: item, hearing: hearingID,
                          details: other.map { ["with": String($0)] } ?? [:])
            }
        }
    }

    /// Replaces the hearing's campaigns with `groups` (each a representative, its members
    /// with what each adds, and its letter's sketch), in one transaction. A group that holds
    /// most of an earlier campaign's members keeps that campaign's id.
    ///
    /// - Returns: the campaigns' ids, in the order of `groups`.
    @discardableResult
    public func replaceCampaigns(
        hearingID: Int64, _ groups: [(representative: Int64, members: [(itemID: Int64, addition: String?)], letter: LetterSketch?)]
    ) throws -> [Int64] {
        try write { db in
            var earlier: [Int64: Int64] = [:]  // item → its campaign before
            for row in try Row.fetchAll(db, sql: """
                SELECT campaignMember.itemId, campaignMember.campaignId FROM campaignMember
                JOIN campaign ON campaign.id = campaignMember.campaignId WHERE campaign.hearingId = ?
                """, arguments: [hearingID]) {
                earlier[row[0]] = row[1]
            }
            try db.execute(sql: "DELETE FROM campaignMember WHERE campaignId IN (SELECT id FROM campaign WHERE hearingId = ?)",
                           arguments: [hearingID])
            var kept = Set<Int64>()
            var ids: [Int64] = []
            var members: [(itemID: Int64, campaignID: Int64, addition: String?)] = []
            let now = Timestamp.string(Date())
            for group in groups {
                var votes: [Int64: Int] = [:]
                for member in group.members { if let id = earlier[member.itemID] { votes[id, default: 0] += 1 } }
                let reuse = votes.filter { !kept.contains($0.key) }.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
                let id = try Store.saveCampaign(db, id: reuse, hearingID: hearingID, representative: group.representative,
                                                letter: group.letter, at: now)
                kept.insert(id)
                ids.append(id)
                members += group.members.map { ($0.itemID, id, $0.addition) }
            }
            try Store.insertMembers(db, members)
            if kept.isEmpty {
                try db.execute(sql: "DELETE FROM campaign WHERE hearingId = ?", arguments: [hearingID])
            } else {
                try db.execute(sql: "DELETE FROM campaign WHERE hearingId = ? AND id NOT IN (\(kept.map(String.init).joined(separator: ",")))",
                               arguments: [hearingID])
            }
            try audit(db, "campaigns.group", entity: "hearing", id: hearingID, details: [
                "campaigns": String(groups.count), "members": String(groups.reduce(0) { $0 + $1.members.count }),
            ])
            return ids
        }
    }

    /// Stores one campaign (as campaign `id`, or a new one) and its letter's sketch, without
    /// its members; returns its id.
    static func saveCampaign(
        _ db: Database, id: Int64?, hearingID: Int64, representative: Int64, letter: LetterSketch?, at now: String
    ) throws -> Int64 {
        let campaignID: Int64
        if let id {
            try db.cachedStatement(sql: "UPDATE campaign SET representativeId = ?, groupedAt = ? WHERE id = ?")
                .execute(arguments: [representative, now, id])
            campaignID = id
        } else {
            try db.cachedStatement(sql: "INSERT INTO campaign (hearingId, representativeId, groupedAt) VALUES (?, ?, ?)")
                .execute(arguments: [hearingID, representative, now])
            campaignID = db.lastInsertedRowID
        }
        try saveLetter(db, campaignID: campaignID, letter)
        return campaignID
    }

    /// Files `members` into their campaigns, an opinion named twice in the first; in the
    /// opinions' order, so that the items, the members and their index are each walked
    /// forward rather than at random.
    static func insertMembers(_ db: Database, _ members: [(itemID: Int64, campaignID: Int64, addition: String?)]) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO campaignMember (itemId, campaignId, addition) VALUES (?, ?, ?) ON CONFLICT (itemId) DO NOTHING
            """)
        for index in members.indices.sorted(by: { (members[$0].itemID, $0) < (members[$1].itemID, $1) }) {
            try insert.execute(arguments: [members[index].itemID, members[index].campaignID, members[index].addition])
        }
    }

    /// A new campaign of opinions that arrived as copies of one another (no regrouping);
    /// returns its id.
    public func addCampaign(
        hearingID: Int64, representative: Int64, members: [(itemID: Int64, addition: String?)], letter: LetterSketch
    ) throws -> Int64 {
        try write { db in
            let id = try Store.saveCampaign(db, id: nil, hearingID: hearingID, representative: representative, letter: letter,
                                            at: Timestamp.string(Date()))
            try Store.insertMembers(db, members.map { ($0.itemID, id, $0.addition) })
            return id
        }
    }

    /// Keeps opinions' campaign keys (the key of a text's form, equal for exact copies); with
    /// `replacing`, in place of every key the hearing had.
    public func setCampaignKeys(hearingID: Int64, _ keys: [(itemID: Int64, key: Int64)], replacing: Bool = false) throws {
        try write { db in
            if replacing { try db.execute(sql: "DELETE FROM campaignKey WHERE hearingId = ?", arguments: [hearingID]) }
            let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO campaignKey (hearingId, key, itemId) VALUES (?, ?, ?)")
            for entry in keys.sorted(by: { ($0.key, $0.itemID) < ($1.key, $1.itemID) }) {
                try insert.execute(arguments: [hearingID, entry.key, entry.itemID])
            }
        }
    }

    /// Whether the hearing's opinions have campaign keys (it was grouped by this version).
    public func hasCampaignKeys(hearingID: Int64) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM campaignKey WHERE hearingId = ?)", arguments: [hearingID]) ?? false
        }
    }

    /// The opinions in force of the hearing, other than `itemID` and in no campaign, whose
    /// campaign key was `key`, earliest first (a key kept before an edit may be stale).
    public func loneCopies(hearingID: Int64, key: Int64, other itemID: Int64) throws -> [Int64] {
        try read { db in
            try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT item.id FROM campaignKey JOIN item ON item.id = campaignKey.itemId
                WHERE campaignKey.hearingId = ? AND campaignKey.key = ? AND item.id <> ? AND item.withdrawnAt IS NULL
                AND NOT EXISTS (SELECT 1 FROM campaignMember WHERE itemId = item.id)
                ORDER BY item.id LIMIT 8
                """), arguments: [hearingID, key, itemID])
        }
    }

    /// Keeps `letter` as campaign `campaignID`'s sketch, in place of any before.
    static func saveLetter(_ db: Database, campaignID: Int64, _ letter: LetterSketch?) throws {
        try db.cachedStatement(sql: "DELETE FROM campaignLetter WHERE campaignId = ?").execute(arguments: [campaignID])
        try db.cachedStatement(sql: "DELETE FROM campaignBand WHERE campaignId = ?").execute(arguments: [campaignID])
        try db.cachedStatement(sql: "DELETE FROM campaignPhrases WHERE campaignId = ?").execute(arguments: [campaignID])
        guard let letter else { return }
        if let phrases = letter.phrases { try savePhrases(db, campaignID: campaignID, phrases) }
        try db.cachedStatement(sql: "INSERT INTO campaignLetter (campaignId, grams, signature) VALUES (?, ?, ?)")
            .execute(arguments: [campaignID, letter.grams, Store.blob(letter.signature)])
        let band = try db.cachedStatement(sql: "INSERT INTO campaignBand (key, campaignId) VALUES (?, ?)")
        for key in letter.bands { try band.execute(arguments: [key, campaignID]) }
    }

    /// Keeps `phrases` as campaign `campaignID`'s, in place of any before.
    static func savePhrases(_ db: Database, campaignID: Int64, _ phrases: LetterPhrases) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO campaignPhrases (campaignId, members, grams, holders, core) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [campaignID, phrases.members, Store.blob(phrases.grams), Store.blob(phrases.holders), Store.blob(phrases.core)])
    }

    /// Integers as a blob, each in little-endian order.
    static func blob<Integer: FixedWidthInteger>(_ values: [Integer]) -> Data {
        values.map(\.littleEndian).withUnsafeBytes { Data($0) }
    }

    /// The integers of a blob written by ``blob(_:)`` (none for a missing blob).
    static func integers<Integer: FixedWidthInteger>(_ blob: Data?, as type: Integer.Type = Integer.self) -> [Integer] {
        guard let blob else { return [] }
        return blob.withUnsafeBytes { bytes in
            stride(from: 0, through: bytes.count - MemoryLayout<Integer>.size, by: MemoryLayout<Integer>.size).map {
                Integer(littleEndian: bytes.loadUnaligned(fromByteOffset: $0, as: Integer.self))
            }
        }
    }

    /// The phrases of the hearing's campaigns of mad-libs letters, by campaign. (Those few
    /// are read first: the hearing's campaigns may be many thousands.)
    public func campaignPhrases(hearingID: Int64) throws -> [(campaignID: Int64, phrases: LetterPhrases)] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT campaignPhrases.* FROM campaignPhrases CROSS JOIN campaign ON campaign.id = campaignPhrases.campaignId
                WHERE campaign.hearingId = ? ORDER BY campaignPhrases.campaignId
                """), arguments: [hearingID]).map { row in
                (row["campaignId"], LetterPhrases(members: row["members"], grams: Store.integers(row["grams"]),
                                                  holders: Store.integers(row["holders"]), core: Store.integers(row["core"])))
            }
        }
    }

    /// Keeps the phrases of campaigns that grew as opinions arrived.
    public func saveCampaignPhrases(_ phrases: [(campaignID: Int64, phrases: LetterPhrases)]) throws {
        guard !phrases.isEmpty else { return }
        try write { db in
            for entry in phrases { try Store.savePhrases(db, campaignID: entry.campaignID, entry.phrases) }
        }
    }

    /// The hearing's campaigns grouped before their letters' sketches were kept (by an
    /// earlier version), with their letter's text; nil when there are none.
    public func campaignsWithoutLetter(hearingID: Int64) throws -> [(id: Int64, text: String)]? {
        try read { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM campaignLetterPending WHERE hearingId = ?)",
                                    arguments: [hearingID]) == true else { return nil }
            return try Row.fetchAll(db, sql: """
                SELECT campaign.id, item.title, item.body FROM campaign JOIN item ON item.id = campaign.representativeId
                WHERE campaign.hearingId = ? AND NOT EXISTS (SELECT 1 FROM campaignLetter WHERE campaignId = campaign.id)
                """, arguments: [hearingID]).map(Store.campaignText)
        }
    }

    /// Keeps the sketches of the hearing's letters that had none (``campaignsWithoutLetter(hearingID:)``).
    public func saveCampaignLetters(hearingID: Int64, _ letters: [(campaignID: Int64, letter: LetterSketch)]) throws {
        try write { db in
            for entry in letters { try Store.saveLetter(db, campaignID: entry.campaignID, entry.letter) }
            try db.execute(sql: "DELETE FROM campaignLetterPending WHERE hearingId = ?", arguments: [hearingID])
        }
    }

    /// The hearing's campaigns whose letters are filed under any of `bandKeys`.
    public func campaignIDs(hearingID: Int64, bandKeys: [Int64]) throws -> [Int64] {
        guard !bandKeys.isEmpty else { return [] }
        return try read { db in
            // Cached: every opinion that arrives asks, always with as many keys.
            try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT campaign.id FROM campaign WHERE campaign.hearingId = ? AND campaign.id IN (
                    SELECT campaignId FROM campaignBand WHERE key IN (\(bandKeys.map { _ in "?" }.joined(separator: ","))))
                ORDER BY campaign.id
                """), arguments: StatementArguments([hearingID] + bandKeys))
        }
    }

    /// The sketches of campaigns' letters, for those of `ids` that have one.
    public func campaignLetters(ids: [Int64]) throws -> [(id: Int64, grams: Int, signature: [UInt16])] {
        try read { db in
            var letters: [(id: Int64, grams: Int, signature: [UInt16])] = []
            for chunk in stride(from: 0, to: ids.count, by: 500) {
                let part = Array(ids[chunk..<min(ids.count, chunk + 500)])
                letters += try Row.fetchAll(db, sql: """
                    SELECT campaignId, grams, signature FROM campaignLetter
                    WHERE campaignId IN (\(part.map { _ in "?" }.joined(separator: ","))) ORDER BY campaignId
                    """, arguments: StatementArguments(part)).map { row in
                    (row["campaignId"], row["grams"], Store.integers(row["signature"]))
                }
            }
            return letters
        }
    }

    /// Up to `limit` members of campaign `id` in force other than its representative, earliest first.
    public func campaignMemberIDs(_ id: Int64, limit: Int) throws -> [Int64] {
        try read { db in
            try Int64.fetchAll(db, sql: """
                SELECT campaignMember.itemId FROM campaignMember
                JOIN campaign ON campaign.id = campaignMember.campaignId JOIN item ON item.id = campaignMember.itemId
                WHERE campaignMember.campaignId = ? AND campaignMember.itemId <> campaign.representativeId
                AND item.withdrawnAt IS NULL ORDER BY campaignMember.itemId LIMIT ?
                """, arguments: [id, limit])
        }
    }

    /// The text of campaign `id`'s letter, as grouping reads it (the title first).
    public func campaignLetterText(id: Int64) throws -> String {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT campaign.id, item.title, item.body FROM campaign JOIN item ON item.id = campaign.representativeId
                WHERE campaign.id = ?
                """, arguments: [id]) else { throw StoreError.unknownCampaign(id: id) }
            return Store.campaignText(row).text
        }
    }

    /// Files every campaign member under its letter's goals: the machine's tags of each member
    /// give way to those of its campaign's representative, while a person's decision on a
    /// member (tag or untag) stands. With `itemIDs`, only those members are filed (as they
    /// join), not every member of the hearing. Returns how many tags they hold from their letter.
    @discardableResult
    public func shareCampaignGoals(hearingID: Int64, itemIDs: [Int64]? = nil) throws -> Int {
        try write { db in
            // Item ids are the store's own integers, never a person's text.
            let only = itemIDs.map { " AND campaignMember.itemId IN (\($0.map(String.init).joined(separator: ",")))" } ?? ""
            // For a few members, read from them (CROSS JOIN keeps that order): the planner would
            // otherwise go through every campaign of the hearing for each.
            let join = itemIDs == nil ? "JOIN" : "CROSS JOIN"
            let members = """
                SELECT campaignMember.itemId FROM campaignMember \(join) campaign ON campaign.id = campaignMember.campaignId
                WHERE campaign.hearingId = ?1 AND campaignMember.itemId <> campaign.representativeId\(only)
                """
            try db.execute(sql: "DELETE FROM tag WHERE source <> 'person' AND itemId IN (\(members))", arguments: [hearingID])
            try db.execute(sql: """
                INSERT OR IGNORE INTO tag (itemId, goalId, source, score, evidence, taggedAt)
                SELECT campaignMember.itemId, tag.goalId, tag.source, tag.score, tag.evidence, tag.taggedAt
                FROM campaignMember \(join) campaign ON campaign.id = campaignMember.campaignId
                JOIN item ON item.id = campaignMember.itemId AND item.withdrawnAt IS NULL
                JOIN tag ON tag.itemId = campaign.representativeId AND tag.source <> 'person' AND tag.rejected = 0
                WHERE campaign.hearingId = ?1 AND campaignMember.itemId <> campaign.representativeId\(only)
                """, arguments: [hearingID])
            return db.changesCount
        }
    }

    /// The items an import batch holds now.
    public func itemIDs(batchID: Int64) throws -> [Int64] {
        try read { db in try Int64.fetchAll(db, sql: "SELECT id FROM item WHERE batchId = ? ORDER BY id", arguments: [batchID]) }
    }

    /// Adds opinions to existing campaigns, as they arrive.
    public func addCampaignMembers(_ joins: [(itemID: Int64, campaignID: Int64, addition: String?)]) throws {
        guard !joins.isEmpty else { return }
        try write { db in
            let insert = try db.cachedStatement(sql: """
                INSERT INTO campaignMember (itemId, campaignId, addition) VALUES (?, ?, ?) ON CONFLICT (itemId) DO NOTHING
                """)
            for join in joins { try insert.execute(arguments: [join.itemID, join.campaignID, join.addition]) }
        }
    }

    /// Whether the hearing has been grouped into any campaign.
    public func hasCampaigns(hearingID: Int64) throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM campaign WHERE hearingId = ?)", arguments: [hearingID]) ?? false }
    }

    /// The hearing's campaigns, largest first.
    public func campaigns(hearingID: Int64) throws -> [Campaign] {
        try read { db in try Store.campaigns(db, hearingID: hearingID) }
    }

    static func campaigns(_ db: Database, hearingID: Int64) throws -> [Campaign] {
        try Row.fetchAll(db, sql: """
                SELECT campaign.id, campaign.hearingId, campaign.representativeId, item.title, item.body,
                       (SELECT count(*) FROM campaignMember JOIN item AS m ON m.id = campaignMember.itemId
                        WHERE campaignMember.campaignId = campaign.id AND m.withdrawnAt IS NULL) AS size
                FROM campaign JOIN item ON item.id = campaign.representativeId
                WHERE campaign.hearingId = ? ORDER BY size DESC, campaign.id
                """, arguments: [hearingID]).map(Campaign.init(row:)).filter { $0.size > 1 }
    }

    /// One campaign with its members in force, in the order they arrived.
    public func campaign(id: Int64) throws -> CampaignMembers {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT campaign.id, campaign.hearingId, campaign.representativeId, item.title, item.body,
                       (SELECT count(*) FROM campaignMember JOIN item AS m ON m.id = campaignMember.itemId
                        WHERE campaignMember.campaignId = campaign.id AND m.withdrawnAt IS NULL) AS size
                FROM campaign JOIN item ON item.id = campaign.representativeId WHERE campaign.id = ?
                """, arguments: [id]) else { throw StoreError.unknownCampaign(id: id) }
            var additions: [Int64: String] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT itemId, addition FROM campaignMember WHERE campaignId = ? AND addition IS NOT NULL", arguments: [id]) {
                additions[row[0]] = row[1]
            }
            let members = try Row.fetchAll(db, sql: Item.selection + """
                 JOIN campaignMember ON campaignMember.itemId = item.id
                WHERE campaignMember.campaignId = ? AND item.withdrawnAt IS NULL ORDER BY item.id
                """, arguments: [id]).map(Item.init(row:)).map { CampaignMembers.Member(item: $0, addition: additions[$0.id ?? 0]) }
            return CampaignMembers(campaign: Campaign(row: row), members: members)
        }
    }

    /// The campaign each of `itemIDs` belongs to, for those in one.
    public func campaignIDs(itemIDs: [Int64]) throws -> [Int64: Int64] {
        guard !itemIDs.isEmpty else { return [:] }
        return try read { db in
            var result: [Int64: Int64] = [:]
            for chunk in stride(from: 0, to: itemIDs.count, by: 500) {
                let part = itemIDs[chunk..<min(itemIDs.count, chunk + 500)]
                for row in try Row.fetchAll(db, sql: """
                    SELECT itemId, campaignId FROM campaignMember WHERE itemId IN (\(part.map { _ in "?" }.joined(separator: ",")))
                    """, arguments: StatementArguments(Array(part))) {
                    result[row[0]] = row[1]
                }
            }
            return result
        }
    }
}

extension Campaign {
    init(row: Row) {
        let title: String? = row["title"]
        let body: String = row["body"]
        self.init(id: row["id"], hearingID: row["hearingId"], representativeID: row["representativeId"],
                  text: title.map { "\($0) — \(body)" } ?? body, size: row["size"])
    }
}
