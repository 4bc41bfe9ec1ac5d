import Foundation
import GRDB
import MadangCore

extension Store {
    /// Makes `goals` the hearing's taxonomy: goals are matched by code, new ones
    /// added, changed ones updated, missing ones removed — unless a person filed an
    /// item under one, in which case it stays. Machine tags are dropped, since they
    /// came from the old terms; people's tags are never touched.
    public func replaceGoals(hearingID: Int64, goals: [PolicyGoal]) throws -> GoalsUpdate {
        try write { db in try replaceGoals(db, hearingID: hearingID, goals: goals) }
    }

    /// Makes `goals` the hearing's taxonomy and files every item under it with `classify`,
    /// in one transaction: killed at any point, the hearing keeps its old taxonomy and
    /// tags, never new goals with no items under them. See ``retag(hearingID:classify:stored:)``.
    public func replaceGoals(
        hearingID: Int64, goals: [PolicyGoal], refile classify: @escaping @Sendable ([Item]) throws -> [[Tag]],
        stored: (Item, [Tag]) -> Void = { _, _ in }
    ) throws -> (update: GoalsUpdate, filing: Retagging) {
        try write { db in
            let update = try replaceGoals(db, hearingID: hearingID, goals: goals)
            return (update, try retag(db, hearingID: hearingID, classify: classify, stored: stored))
        }
    }

    private func replaceGoals(_ db: Database, hearingID: Int64, goals: [PolicyGoal]) throws -> GoalsUpdate {
        do {
            var update = GoalsUpdate()
            let existing = Dictionary(uniqueKeysWithValues: try Store.goalRows(db, hearingID: hearingID).map { ($0.goal.code, $0) })
            let encoder = JSONEncoder.sorted
            var ids: [String: Int64] = [:]
            for (position, goal) in goals.enumerated() {
                let terms = String(decoding: try encoder.encode(TermsColumn(terms: goal.terms, excludes: goal.excludes)), as: UTF8.self)
                if let old = existing[goal.code] {
                    if old.goal != goal { update.changed.append(goal.code) }
                    try db.execute(sql: """
                        UPDATE policyGoal SET name = ?, description = ?, terms = ?, position = ?, parentId = NULL WHERE id = ?
                        """, arguments: [goal.name, goal.description, terms, position, old.id])
                    ids[goal.code] = old.id
                } else {
                    try db.execute(sql: """
                        INSERT INTO policyGoal (hearingId, code, name, description, terms, position) VALUES (?, ?, ?, ?, ?, ?)
                        """, arguments: [hearingID, goal.code, goal.name, goal.description, terms, position])
                    ids[goal.code] = db.lastInsertedRowID
                    update.added.append(goal.code)
                }
            }
            for goal in goals {
                guard let parent = goal.parentCode else { continue }
                guard let parentID = ids[parent] else {
                    throw StoreError.unknownGoal(code: parent, existing: goals.map(\.code))
                }
                try db.execute(sql: "UPDATE policyGoal SET parentId = ? WHERE id = ?", arguments: [parentID, ids[goal.code]])
            }
            for (code, old) in existing where ids[code] == nil {
                let decided = try Bool.fetchOne(db, sql: "SELECT 1 FROM tag WHERE goalId = ? AND source = 'person'", arguments: [old.id]) ?? false
                if decided {
                    update.kept.append(code)
                } else {
                    try db.execute(sql: "DELETE FROM policyGoal WHERE id = ?", arguments: [old.id])
                    update.removed.append(code)
                }
            }
            try db.execute(sql: """
                DELETE FROM tag WHERE source <> 'person' AND goalId IN (SELECT id FROM policyGoal WHERE hearingId = ?)
                """, arguments: [hearingID])
            try audit(db, "goals.load", entity: "hearing", id: hearingID, details: [
                "added": update.added.joined(separator: " "), "changed": update.changed.joined(separator: " "),
                "removed": update.removed.joined(separator: " "), "kept": update.kept.joined(separator: " "),
            ])
            return update
        }
    }

    /// The hearing's goals and strategies in the taxonomy's order.
    public func goals(hearingID: Int64) throws -> [PolicyGoal] {
        try read { db in try Store.goalRows(db, hearingID: hearingID).map(\.goal) }
    }

    /// Files every item of a hearing anew: `classify` is called with each item in turn,
    /// streaming from the database, and the machine's tags (rule and model) become the
    /// ones it returns, each with its own source, the first for a pair winning — except
    /// where a person decided the pair, tagged or untagged, which keeps the person's
    /// decision. Only what changed is written (``MachineTagWriter``): a tag proposed
    /// again as it was stays, with the time it was first filed. One transaction.
    ///
    /// `classify` gets a batch of items, each with what a categorizer reads — its id,
    /// hearing, kind, title and body, not its author, contact or provenance, which are
    /// not read — and returns their tags in the same order. It runs on a second thread,
    /// a batch ahead, while this one reads the next batch and stores the tags of the
    /// one before, so both processor cores work; `stored` is then called here, in the
    /// items' order, with each item and its tags. If `classify` throws, so does this,
    /// and nothing is changed.
    ///
    /// - Returns: how many items were read, how many tags are in force from each source
    ///   (written or kept), how many rows changed, and the seconds spent in `classify`
    ///   (``Retagging``).
    @discardableResult
    public func retag(
        hearingID: Int64, classify: @escaping @Sendable ([Item]) throws -> [[Tag]],
        stored: (Item, [Tag]) -> Void = { _, _ in }
    ) throws -> Retagging {
        try write { db in try retag(db, hearingID: hearingID, classify: classify, stored: stored) }
    }

    /// What filing a hearing's items did: items read, tags in force from each source,
    /// rows changed, and the seconds spent classifying.
    public struct Retagging: Sendable {
        public var items: Int
        public var stored: [TagSource: Int]
        public var changed: Int
        public var classifying: Double
    }

    /// Files the hearing's items in force with ids from `first` through `last` (all of them
    /// by default) inside the caller's transaction; a full run is audited, filing new items is part of adding them.
    func retag(
        _ db: Database, hearingID: Int64, from first: Int64 = 0, through last: Int64 = .max, classify: @escaping @Sendable ([Item]) throws -> [[Tag]],
        stored: (Item, [Tag]) -> Void = { _, _ in }
    ) throws -> Retagging {
        do {
            var writer = try MachineTagWriter(db, hearingID: hearingID, now: Date())
            var items = 0
            var classifying = 0.0
            let cursor = try Row.fetchCursor(
                db, sql: """
                    SELECT id, kind, title, body FROM item
                    WHERE hearingId = ? AND id BETWEEN ? AND ? AND withdrawnAt IS NULL ORDER BY id
                    """, arguments: [hearingID, first, last])
            let received = Date()
            let worker = DispatchQueue(label: "madang.retag.classify")
            // Whatever happens here, the worker finishes before the transaction ends.
            defer { worker.sync {} }
            var previous: RetagBatch?
            func store(_ batch: RetagBatch) throws {
                batch.done.wait()
                if let error = batch.error { throw error }
                classifying += batch.seconds
                try writer.write(batch.items, batch.tags)
                for (item, tags) in zip(batch.items, batch.tags) { stored(item, tags) }
            }
            while true {
                var batchItems: [Item] = []
                batchItems.reserveCapacity(RetagBatch.size)
                while batchItems.count < RetagBatch.size, let row = try cursor.next() {
                    let kind: String = row[1]
                    batchItems.append(Item(id: row[0], hearingID: hearingID, kind: ItemKind(rawValue: kind) ?? .comment,
                                         title: row[2], body: row[3], receivedAt: received))
                }
                if batchItems.isEmpty { break }
                items += batchItems.count
                let batch = RetagBatch(batchItems)
                worker.async { batch.classify(with: classify) }
                if let previous { try store(previous) }
                previous = batch
            }
            if let previous { try store(previous) }
            let counts = writer.counts
            if first == 0 && last == .max {
                try audit(db, "categorize", entity: "hearing", id: hearingID, details: [
                    "rule": String(counts[.rule] ?? 0), "model": String(counts[.model] ?? 0), "changed": String(writer.changed),
                ])
            }
            return Retagging(items: items, stored: counts, changed: writer.changed, classifying: classifying)
        }
    }

    /// The items people filed under a goal (not those they took out), each with the
    /// goal's code: what the model learns from. One query.
    public func personLabels(hearingID: Int64) throws -> [(item: Item, goalCode: String)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT item.*, participant.name AS speakerName, citizenGroup.name AS groupName, policyGoal.code AS goalCode
                FROM tag
                JOIN item ON item.id = tag.itemId
                JOIN policyGoal ON policyGoal.id = tag.goalId
                LEFT JOIN participant ON participant.id = item.speakerId
                LEFT JOIN citizenGroup ON citizenGroup.id = item.groupId
                WHERE item.hearingId = ? AND tag.source = 'person' AND tag.rejected = 0
                ORDER BY tag.itemId, policyGoal.position
                """, arguments: [hearingID]).map { (Item(row: $0), $0["goalCode"]) }
        }
    }

    /// Stores the hearing's learned model (any bytes the categorizer can read back),
    /// replacing the previous one, and returns its version: 1, 2, 3, …
    @discardableResult
    public func saveModel(hearingID: Int64, data: Data, trainingSize: Int, trainingDigest: String? = nil) throws -> Int {
        try write { db in
            let version = (try Int.fetchOne(db, sql: "SELECT version FROM model WHERE hearingId = ?", arguments: [hearingID]) ?? 0) + 1
            try db.execute(sql: """
                INSERT INTO model (hearingId, version, trainingSize, trainedAt, data, trainingDigest) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (hearingId) DO UPDATE SET version = excluded.version, trainingSize = excluded.trainingSize,
                    trainedAt = excluded.trainedAt, data = excluded.data, trainingDigest = excluded.trainingDigest
                """, arguments: [hearingID, version, trainingSize, Timestamp.string(Date()), data, trainingDigest])
            try audit(db, "model.train", entity: "hearing", id: hearingID,
                      details: ["version": String(version), "trainingSize": String(trainingSize)])
            return version
        }
    }

    /// The hearing's learned model, if one was trained.
    public func model(hearingID: Int64) throws -> StoredModel? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM model WHERE hearingId = ?", arguments: [hearingID]).map { row in
                StoredModel(version: row["version"], trainingSize: row["trainingSize"],
                            trainedAt: Timestamp.date(row["trainedAt"]) ?? Date(timeIntervalSince1970: 0), data: row["data"],
                            trainingDigest: row["trainingDigest"])
            }
        }
    }

    /// Records a person's decision that item `itemID` is (`tagged`) or is not under
    /// the goal `goalCode` of its hearing. It wins over the machine, now and later.
    public func decide(itemID: Int64, goalCode: String, tagged: Bool) throws {
        try write { db in
            let item = try Store.item(db, id: itemID)
            guard let goalID = try Int64.fetchOne(
                db, sql: "SELECT id FROM policyGoal WHERE hearingId = ? AND code = ?", arguments: [item.hearingID, goalCode])
            else {
                let codes = try String.fetchAll(
                    db, sql: "SELECT code FROM policyGoal WHERE hearingId = ? ORDER BY position", arguments: [item.hearingID])
                throw StoreError.unknownGoal(code: goalCode, existing: codes)
            }
            try db.execute(sql: """
                INSERT INTO tag (itemId, goalId, source, score, evidence, taggedBy, taggedAt, rejected)
                VALUES (?, ?, 'person', NULL, '[]', ?, ?, ?)
                ON CONFLICT (itemId, goalId) DO UPDATE SET source = 'person', score = NULL, evidence = '[]',
                    taggedBy = excluded.taggedBy, taggedAt = excluded.taggedAt, rejected = excluded.rejected
                """, arguments: [itemID, goalID, actor, Timestamp.string(Date()), tagged ? 0 : 1])
            try audit(db, tagged ? "tag" : "untag", entity: "item", id: itemID, hearing: item.hearingID, details: ["goal": goalCode])
        }
    }

    /// The tags in force for a hearing's items: people's, and the machine's where no
    /// person decided otherwise; only those from `source` when it is given.
    public func tags(hearingID: Int64, source: TagSource? = nil) throws -> [Tag] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT tag.*, policyGoal.code AS goalCode FROM tag
                JOIN policyGoal ON policyGoal.id = tag.goalId
                JOIN item ON item.id = tag.itemId
                WHERE item.hearingId = ? AND tag.rejected = 0 AND (? IS NULL OR tag.source = ?)
                ORDER BY tag.itemId, policyGoal.position
                """, arguments: [hearingID, source?.rawValue, source?.rawValue]).map(Tag.init(row:))
        }
    }

    /// How many of the hearing's items are filed under each goal, by goal code: what
    /// ``tags(hearingID:source:)`` holds, counted without reading it.
    public func tagCounts(hearingID: Int64) throws -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT policyGoal.code, COUNT(*) FROM tag
                JOIN policyGoal ON policyGoal.id = tag.goalId
                WHERE policyGoal.hearingId = ? AND tag.rejected = 0
                GROUP BY policyGoal.code
                """, arguments: [hearingID]) {
                counts[row[0]] = row[1]
            }
            return counts
        }
    }

    /// People's decisions on the hearing's items, by item: each goal a person filed the item
    /// under (`tagged`) or took it out of, and who.
    public func decisions(hearingID: Int64) throws -> [Int64: [Decision]] {
        try read { db in
            var decisions: [Int64: [Decision]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT tag.itemId, policyGoal.code, tag.rejected, tag.taggedBy FROM tag
                JOIN policyGoal ON policyGoal.id = tag.goalId
                WHERE policyGoal.hearingId = ? AND tag.source = 'person'
                ORDER BY tag.itemId, policyGoal.position
                """, arguments: [hearingID]) {
                decisions[row[0], default: []].append(Decision(goalCode: row[1], tagged: row[2] == 0, by: row[3]))
            }
            return decisions
        }
    }

    /// The goals the items `ids` are filed under (people's untags left out), by item,
    /// in the taxonomy's order.
    public func tags(itemIDs ids: [Int64]) throws -> [Int64: [Tag]] {
        try read { db in
            var tags: [Int64: [Tag]] = [:]
            // In slices, well under SQLite's limit on bound values.
            for start in stride(from: 0, to: ids.count, by: 500) {
                let slice = Array(ids[start..<min(start + 500, ids.count)])
                let marks = Array(repeating: "?", count: slice.count).joined(separator: ",")
                let rows = try Row.fetchAll(db, sql: """
                    SELECT tag.*, policyGoal.code AS goalCode FROM tag
                    JOIN policyGoal ON policyGoal.id = tag.goalId
                    WHERE tag.itemId IN (\(marks)) AND tag.rejected = 0
                    ORDER BY tag.itemId, policyGoal.position
                    """, arguments: StatementArguments(slice))
                for row in rows {
                    let tag = Tag(row: row)
                    tags[tag.itemID, default: []].append(tag)
                }
            }
            return tags
        }
    }

    /// `strings` as a JSON array, written by hand: categorizing writes one per tag.
    static func jsonArray(_ strings: [String]) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(strings.reduce(2) { $0 + $1.utf8.count + 3 })
        let hex = Array("0123456789abcdef".utf8)
        for (index, string) in strings.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            for byte in string.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
                case 0x0A: out += Array("\\n".utf8)
                case 0x0D: out += Array("\\r".utf8)
                case 0x09: out += Array("\\t".utf8)
                case ..<0x20: out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    static func goalRows(_ db: Database, hearingID: Int64) throws -> [(id: Int64, goal: PolicyGoal)] {
        try Row.fetchAll(db, sql: """
            SELECT policyGoal.*, parent.code AS parentCode FROM policyGoal
            LEFT JOIN policyGoal AS parent ON parent.id = policyGoal.parentId
            WHERE policyGoal.hearingId = ? ORDER BY policyGoal.position
            """, arguments: [hearingID]).map { row in
            let termsJSON: String = row["terms"]
            let terms = (try? JSONDecoder().decode(TermsColumn.self, from: Data(termsJSON.utf8))) ?? TermsColumn(terms: [], excludes: [])
            return (row["id"], PolicyGoal(
                code: row["code"], name: row["name"], description: row["description"], parentCode: row["parentCode"],
                terms: terms.terms, excludes: terms.excludes))
        }
    }

    /// How many decisions people made on the hearing's items after `date`: what a model
    /// trained then has not learned.
    public func personDecisions(hearingID: Int64, after date: Date) throws -> Int {
        try read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM tag JOIN policyGoal ON policyGoal.id = tag.goalId
                WHERE policyGoal.hearingId = ? AND tag.source = 'person' AND tag.taggedAt > ?
                """, arguments: [hearingID, Timestamp.string(date)]) ?? 0
        }
    }
}

/// How a goal's terms are kept in its `terms` column.
private struct TermsColumn: Codable {
    var terms: [GoalTerm]
    var excludes: [GoalTerm]
}

extension Tag {
    /// A row of `tag` joined with its goal's code as `goalCode`.
    init(row: Row) {
        let evidence: String = row["evidence"]
        let source: String = row["source"]
        self.init(
            itemID: row["itemId"], goalCode: row["goalCode"], source: TagSource(rawValue: source) ?? .rule,
            score: row["score"], evidence: (try? JSONDecoder().decode([String].self, from: Data(evidence.utf8))) ?? [],
            taggedBy: row["taggedBy"], taggedAt: Timestamp.date(row["taggedAt"]) ?? Date(timeIntervalSince1970: 0))
    }

}
