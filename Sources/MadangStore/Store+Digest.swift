import Foundation
import GRDB
import MadangCore

extension Store {
    /// Reads what a digest of the hearing needs, in one read transaction, letting
    /// SQLite count from its indexes: the work does not grow with the length of the
    /// opinions, and memory stays bounded by `sampleSize` per goal.
    ///
    /// - Parameters:
    ///   - sampleSize: about how many public opinions of each goal to read for quoting
    ///     (fewer when there are so many goals that they would pass ``digestSampleBudget``);
    ///     a goal with more is sampled evenly (by a hash of the item id, so every run
    ///     reads the same ones).
    ///   - proposalsPerGoal: how many of each goal's most supported proposals to read.
    public func digestRecords(hearingID: Int64, sampleSize: Int = 1_500, proposalsPerGoal: Int = 5) throws -> DigestRecords {
        try read { db in
            guard let hearingRow = try Row.fetchOne(db, sql: "SELECT * FROM hearing WHERE id = ?", arguments: [hearingID]) else {
                throw StoreError.unknownHearing(slug: "#\(hearingID)", existing: [])
            }
            let panel = Panel(try Row.fetchAll(
                db, sql: "SELECT * FROM participant WHERE hearingId = ? ORDER BY position", arguments: [hearingID]
            ).map(Participant.init(row:)))
            let statements = try Row.fetchAll(
                db, sql: Item.selection + " WHERE item.hearingId = ? AND item.kind = 'statement' AND item.withdrawnAt IS NULL ORDER BY item.speakingOrder",
                arguments: [hearingID]
            ).map(Item.init(row:))
            let counts = try Store.kindCounts(db, sql: "SELECT kind, count(*) FROM item WHERE hearingId = ? AND withdrawnAt IS NULL GROUP BY kind", hearingID)
            let goalRows = try Store.goalRows(db, hearingID: hearingID)
            // However many goals there are, about 20,000 opinions are read in all.
            let sampleSize = min(sampleSize, max(100, Store.digestSampleBudget / (goalRows.count + 1)))
            let goalCounts = try Store.goalCounts(db, hearingID: hearingID, kinds: counts)
            let statementGoals = try Store.statementGoals(db, hearingID: hearingID)

            var goals: [DigestRecords.GoalRecords] = []
            for (goalID, goal) in goalRows {
                let counts = goalCounts[goalID] ?? [:]
                let opinions = (counts[.comment] ?? 0) + (counts[.proposal] ?? 0)
                let sample = try Store.opinions(
                    db, sql: """
                        SELECT \(Store.opinionColumns) FROM tag
                        JOIN item ON item.id = tag.itemId
                        LEFT JOIN citizenGroup ON citizenGroup.id = item.groupId
                        WHERE tag.goalId = ? AND tag.rejected = 0 AND item.kind <> 'statement' AND \(Store.sampled("tag.itemId"))
                        ORDER BY tag.itemId
                        """, arguments: [goalID, Store.threshold(sampleSize, of: opinions)])
                let proposals = (counts[.proposal] ?? 0) == 0 ? [] : try Store.opinions(
                    db, sql: """
                        SELECT \(Store.opinionColumns) FROM tag
                        JOIN item ON item.id = tag.itemId
                        LEFT JOIN citizenGroup ON citizenGroup.id = item.groupId
                        WHERE tag.goalId = ? AND tag.rejected = 0 AND item.kind = 'proposal'
                        ORDER BY coalesce(item.supporters, -1) DESC, item.id LIMIT ?
                        """, arguments: [goalID, proposalsPerGoal])
                goals.append(DigestRecords.GoalRecords(
                    goal: goal, counts: counts, sample: sample, sampleIsComplete: sample.count == opinions,
                    topProposals: proposals,
                    statementIDs: statements.compactMap { item in
                        item.id.flatMap { statementGoals[$0]?.contains(goalID) == true ? $0 : nil }
                    }))
            }

            let unfiled = "item.withdrawnAt IS NULL AND NOT EXISTS (SELECT 1 FROM tag WHERE tag.itemId = item.id AND tag.rejected = 0)"
            var otherCounts = try Store.kindCounts(db, sql: """
                SELECT kind, count(*) FROM item
                WHERE hearingId = ? AND withdrawnAt IS NULL AND NOT EXISTS (SELECT 1 FROM tag WHERE tag.itemId = item.id)
                GROUP BY kind
                """, hearingID)
            // Items whose every tag a person took back: rare, so found from the goal index.
            let untagged = try Store.kindCounts(db, sql: """
                SELECT item.kind, count(*) FROM item WHERE item.id IN (
                    SELECT tag.itemId FROM policyGoal JOIN tag ON tag.goalId = policyGoal.id AND tag.rejected = 1
                    WHERE policyGoal.hearingId = ?) AND \(unfiled)
                GROUP BY item.kind
                """, hearingID)
            otherCounts.merge(untagged, uniquingKeysWith: +)
            let otherOpinions = (otherCounts[.comment] ?? 0) + (otherCounts[.proposal] ?? 0)
            let otherSample = otherOpinions == 0 ? [] : try Store.opinions(db, sql: """
                SELECT \(Store.opinionColumns) FROM item
                LEFT JOIN citizenGroup ON citizenGroup.id = item.groupId
                WHERE item.hearingId = ? AND item.kind <> 'statement' AND \(Store.sampled("item.id")) AND \(unfiled)
                ORDER BY item.id
                """, arguments: [hearingID, Store.threshold(sampleSize, of: otherOpinions)])
            let otherProposals = (otherCounts[.proposal] ?? 0) == 0 ? [] : try Store.opinions(db, sql: """
                SELECT \(Store.opinionColumns) FROM item
                LEFT JOIN citizenGroup ON citizenGroup.id = item.groupId
                WHERE item.hearingId = ? AND item.kind = 'proposal' AND \(unfiled)
                ORDER BY coalesce(item.supporters, -1) DESC, item.id LIMIT ?
                """, arguments: [hearingID, proposalsPerGoal])
            var uncategorized = DigestRecords.GoalRecords(
                goal: nil, counts: otherCounts, sample: otherSample, sampleIsComplete: otherSample.count == otherOpinions,
                topProposals: otherProposals,
                statementIDs: statements.compactMap { item in item.id.flatMap { statementGoals[$0] == nil ? $0 : nil } })

            // Number the citizens whose words the digest may print.
            var wanted: Set<Int64> = []
            for group in goals + [uncategorized] {
                for opinion in group.sample + group.topProposals { wanted.insert(opinion.id) }
            }
            let numbers = try Store.citizenNumbers(db, hearingID: hearingID, ids: Array(wanted))
            func numbered(_ opinions: [DigestRecords.Opinion]) -> [DigestRecords.Opinion] {
                opinions.map { opinion in
                    var opinion = opinion
                    opinion.citizenNumber = numbers[opinion.id] ?? 0
                    return opinion
                }
            }
            for index in goals.indices {
                goals[index].sample = numbered(goals[index].sample)
                goals[index].topProposals = numbered(goals[index].topProposals)
            }
            uncategorized.sample = numbered(uncategorized.sample)
            uncategorized.topProposals = numbered(uncategorized.topProposals)

            var records = DigestRecords(
                hearing: try Hearing(row: hearingRow), panel: panel, statements: statements, counts: counts,
                goals: goals, uncategorized: uncategorized,
                sources: try Store.sources(db, hearingID: hearingID, total: counts.values.reduce(0, +)))
            records.campaigns = try Store.campaigns(db, hearingID: hearingID)
            if !records.campaigns.isEmpty {
                for id in wanted {
                    if let campaign = try Int64.fetchOne(db, sql: "SELECT campaignId FROM campaignMember WHERE itemId = ?", arguments: [id]) {
                        records.campaignOf[id] = campaign
                    }
                }
            }
            return records
        }
    }

    /// About how many public opinions a digest reads to quote from, over all its goals.
    public static let digestSampleBudget = 20_000

    private static let opinionColumns = """
        item.id, item.kind, item.title, item.body, item.author, item.supporters, citizenGroup.name AS groupName
        """

    /// A condition true for an even, repeatable share of item ids: those whose
    /// multiplicative hash falls below the threshold given as the next argument.
    private static func sampled(_ column: String) -> String {
        "((\(column) * 2654435761) & 4294967295) < ?"
    }

    /// The hash threshold that keeps about `size` of `count` items.
    private static func threshold(_ size: Int, of count: Int) -> Int64 {
        count <= size ? 1 << 32 : Int64((Double(size) / Double(count) * 4_294_967_296).rounded(.up))
    }

    private static func opinions(_ db: Database, sql: String, arguments: StatementArguments) throws -> [DigestRecords.Opinion] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let kind: String = row["kind"]
            return DigestRecords.Opinion(
                id: row["id"], kind: ItemKind(rawValue: kind) ?? .comment, title: row["title"], body: row["body"],
                author: row["author"], group: row["groupName"], supporters: row["supporters"], citizenNumber: 0)
        }
    }

    private static func kindCounts(_ db: Database, sql: String, _ hearingID: Int64) throws -> [ItemKind: Int] {
        var counts: [ItemKind: Int] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: [hearingID]) {
            let kind: String = row[0]
            if let kind = ItemKind(rawValue: kind) { counts[kind] = row[1] }
        }
        return counts
    }

    /// Items per goal and kind. Telling kinds apart needs the item row, so only the
    /// kinds with fewer items are joined; the most common kind is the goal's total
    /// (read from the goal index alone) less the others.
    private static func goalCounts(_ db: Database, hearingID: Int64, kinds: [ItemKind: Int]) throws -> [Int64: [ItemKind: Int]] {
        var totals: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT tag.goalId, count(*) FROM policyGoal JOIN tag ON tag.goalId = policyGoal.id AND tag.rejected = 0
            WHERE policyGoal.hearingId = ? GROUP BY tag.goalId
            """, arguments: [hearingID]) {
            totals[row[0]] = row[1]
        }
        guard let commonest = kinds.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) })?.key else { return [:] }
        var result: [Int64: [ItemKind: Int]] = [:]
        for kind in ItemKind.allCases where kind != commonest && (kinds[kind] ?? 0) > 0 {
            for row in try Row.fetchAll(db, sql: """
                SELECT tag.goalId, count(*) FROM item JOIN tag ON tag.itemId = item.id AND tag.rejected = 0
                WHERE item.hearingId = ? AND item.kind = ? GROUP BY tag.goalId
                """, arguments: [hearingID, kind.rawValue]) {
                result[row[0], default: [:]][kind] = row[1]
            }
        }
        for (goalID, total) in totals {
            let others = result[goalID]?.values.reduce(0, +) ?? 0
            result[goalID, default: [:]][commonest] = total - others
        }
        return result
    }

    /// The goals each statement is filed under, by statement id.
    private static func statementGoals(_ db: Database, hearingID: Int64) throws -> [Int64: Set<Int64>] {
        var result: [Int64: Set<Int64>] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT tag.itemId, tag.goalId FROM item JOIN tag ON tag.itemId = item.id AND tag.rejected = 0
            WHERE item.hearingId = ? AND item.kind = 'statement'
            """, arguments: [hearingID]) {
            result[row[0], default: []].insert(row[1])
        }
        return result
    }

    /// For each of `ids`, the number its author goes by in the hearing's documents
    /// ("Citizen 6"): its place among the comments and proposals in the order they were stored.
    public func citizenNumbers(hearingID: Int64, ids: [Int64]) throws -> [Int64: Int] {
        try read { db in try Store.citizenNumbers(db, hearingID: hearingID, ids: ids) }
    }

    /// For each of `ids`, its place among the hearing's comments and proposals in
    /// the order they were stored, counted from 1. One pass over the kind index.
    private static func citizenNumbers(_ db: Database, hearingID: Int64, ids: [Int64]) throws -> [Int64: Int] {
        let wanted = ids.sorted()
        guard !wanted.isEmpty else { return [:] }
        var before = Array(repeating: 0, count: wanted.count)
        for kind in [ItemKind.comment, .proposal] {
            let cursor = try Int64.fetchCursor(
                db, sql: "SELECT id FROM item WHERE hearingId = ? AND kind = ? ORDER BY id", arguments: [hearingID, kind.rawValue])
            var seen = 0
            var next = 0
            while let id = try cursor.next() {
                while next < wanted.count && wanted[next] <= id {
                    before[next] += seen
                    next += 1
                }
                if next == wanted.count { break }
                seen += 1
            }
            while next < wanted.count {
                before[next] += seen
                next += 1
            }
        }
        var result: [Int64: Int] = [:]
        for (index, id) in wanted.enumerated() { result[id] = before[index] + 1 }
        return result
    }

    /// Typed and web items by provenance (read only when some items come from no
    /// batch), then each live import batch with the items it still holds.
    private static func sources(_ db: Database, hearingID: Int64, total: Int) throws -> [DigestRecords.Source] {
        var batches: [DigestRecords.Source] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT importBatch.*, (SELECT count(*) FROM item WHERE item.batchId = importBatch.id AND item.withdrawnAt IS NULL) AS live
            FROM importBatch WHERE hearingId = ? AND undoneAt IS NULL ORDER BY id
            """, arguments: [hearingID]) {
            let live: Int = row["live"]
            guard live > 0 else { continue }
            batches.append(DigestRecords.Source(
                provenance: "imported", batch: try ImportBatch(row: row), count: live, firstReceivedAt: nil, lastReceivedAt: nil))
        }
        var result: [DigestRecords.Source] = []
        if total > batches.reduce(0, { $0 + $1.count }) {
            for row in try Row.fetchAll(db, sql: """
                SELECT source, count(*) AS n, min(receivedAt) AS first, max(receivedAt) AS last
                FROM item WHERE hearingId = ? AND batchId IS NULL AND withdrawnAt IS NULL GROUP BY source ORDER BY source
                """, arguments: [hearingID]) {
                let first: String? = row["first"]
                let last: String? = row["last"]
                result.append(DigestRecords.Source(
                    provenance: row["source"], batch: nil, count: row["n"],
                    firstReceivedAt: first.flatMap(Timestamp.date), lastReceivedAt: last.flatMap(Timestamp.date)))
            }
        }
        return result + batches
    }
}
