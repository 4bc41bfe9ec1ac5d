import Foundation
import GRDB
import MadangCore

/// Brings the machine's tags of items to what a categorizer proposes now, batch by
/// batch, writing only what changed: a tag with the same source, score and evidence
/// stays as it is (and keeps the time it was first filed), a changed one is updated,
/// a new one inserted, one no longer proposed deleted. A person's decision on a pair,
/// tagged or untagged, is never touched, and for each pair the first proposal wins.
///
/// Re-categorizing after a small change to a taxonomy so writes a few rows, not every
/// tag of the hearing again (and a run that changes nothing writes none).
struct MachineTagWriter {
    private let goalIDs: [String: Int64]
    private let now: String
    private let existing, insert, update, delete: Statement
    /// The tags in force after this run, by source: those written and those kept.
    private(set) var counts: [TagSource: Int] = [:]
    /// Rows inserted, updated or deleted.
    private(set) var changed = 0

    init(_ db: Database, hearingID: Int64, now: Date) throws {
        goalIDs = Dictionary(uniqueKeysWithValues: try Store.goalRows(db, hearingID: hearingID).map { ($0.goal.code, $0.id) })
        self.now = Timestamp.string(now)
        existing = try db.makeStatement(sql: """
            SELECT itemId, goalId, source, score, evidence FROM tag WHERE itemId BETWEEN ? AND ?
            """)
        insert = try db.makeStatement(sql: """
            INSERT INTO tag (itemId, goalId, source, score, evidence, taggedAt) VALUES (?, ?, ?, ?, ?, ?)
            """)
        update = try db.makeStatement(sql: """
            UPDATE tag SET source = ?, score = ?, evidence = ?, taggedAt = ? WHERE itemId = ? AND goalId = ?
            """)
        delete = try db.makeStatement(sql: "DELETE FROM tag WHERE itemId = ? AND goalId = ?")
    }

    /// A tag as stored, for comparing.
    private struct Stored {
        var goalID: Int64
        var source: String
        var score: Double?
        var evidence: String
    }

    /// Writes what changed for `items` (in the order of their ids), given `tags`, the
    /// proposals for each.
    mutating func write(_ items: [Item], _ tags: [[Tag]]) throws {
        guard let first = items.first?.id, let last = items.last?.id else { return }
        var stored: [Int64: [Stored]] = [:]
        let rows = try Row.fetchCursor(existing, arguments: [first, last])
        while let row = try rows.next() {
            stored[row[0], default: []].append(Stored(goalID: row[1], source: row[2], score: row[3], evidence: row[4]))
        }
        let person = TagSource.person.rawValue
        for (item, proposals) in zip(items, tags) {
            guard let itemID = item.id else { continue }
            var old = stored[itemID] ?? []  // what the table holds for the item, but for what is settled below
            var settled: [Int64] = []  // goals settled for the item: the first proposal for a goal wins
            for tag in proposals where tag.source != .person {
                guard let goalID = goalIDs[tag.goalCode], !settled.contains(goalID) else { continue }
                settled.append(goalID)
                let evidence = Store.jsonArray(tag.evidence)
                if let place = old.firstIndex(where: { $0.goalID == goalID }) {
                    // A person's decision stands (and stays in `old`, which keeps it from deletion).
                    if old[place].source == person { continue }
                    let kept = old.remove(at: place)
                    if kept.source != tag.source.rawValue || kept.score != tag.score || kept.evidence != evidence {
                        update.setUncheckedArguments([tag.source.rawValue, tag.score, evidence, now, itemID, goalID])
                        try update.execute()
                        changed += 1
                    }
                } else {
                    insert.setUncheckedArguments([itemID, goalID, tag.source.rawValue, tag.score, evidence, now])
                    try insert.execute()
                    changed += 1
                }
                counts[tag.source, default: 0] += 1
            }
            for gone in old where gone.source != person {
                delete.setUncheckedArguments([itemID, gone.goalID])
                try delete.execute()
                changed += 1
            }
        }
    }
}
