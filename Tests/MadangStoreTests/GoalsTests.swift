import Foundation
import MadangCore
import Testing
@testable import MadangStore

@Suite("Goals and tags")
struct GoalsTests {
    let database = try! TemporaryDatabase()

    @Test("Loading a taxonomy and filing items under it is one transaction: a failure midway leaves the old goals and tags")
    func loadIsAtomic() throws {
        struct Stopped: Error {}
        let store = try database.store()
        let hearing = try #require(store.addHearing(Hearing(slug: "h", title: "H")).id)
        let ids = try store.addItems((0..<700).map { .comment(hearingID: hearing, body: "comment \($0)") }).compactMap(\.id)
        let old = [PolicyGoal(code: "OLD", name: "Old goal")]
        _ = try store.replaceGoals(hearingID: hearing, goals: old, refile: { items in
            items.map { [Tag(itemID: $0.id!, goalCode: "OLD", source: .rule, score: 1)] }
        })
        #expect(try store.tags(hearingID: hearing).count == 700)
        // The new taxonomy's filing stops in its third batch of 256.
        let new = [PolicyGoal(code: "NEW", name: "New goal")]
        #expect(throws: Stopped.self) {
            try store.replaceGoals(hearingID: hearing, goals: new, refile: { items in
                if items.contains(where: { $0.id == ids[600] }) { throw Stopped() }
                return items.map { [Tag(itemID: $0.id!, goalCode: "NEW", source: .rule, score: 1)] }
            })
        }
        #expect(try store.goals(hearingID: hearing).map(\.code) == ["OLD"])
        #expect(try store.tags(hearingID: hearing).map(\.goalCode) == Array(repeating: "OLD", count: 700))
    }

    @Test("Reloading keeps a goal a person used, drops machine tags, and the machine never overrides a person")
    func peopleFirst() throws {
        let store = try database.store()
        let hearing = try #require(store.addHearing(Hearing(slug: "h", title: "H")).id)
        let a = try #require(store.addItem(.comment(hearingID: hearing, body: "a")).id)
        let b = try #require(store.addItem(.comment(hearingID: hearing, body: "b")).id)
        let first = [PolicyGoal(code: "G1", name: "One"), PolicyGoal(code: "G2", name: "Two"),
                     PolicyGoal(code: "G2.1", name: "Two point one", parentCode: "G2")]
        #expect(try store.replaceGoals(hearingID: hearing, goals: first).added == ["G1", "G2", "G2.1"])
        #expect(try store.goals(hearingID: hearing).map(\.parentCode) == [nil, nil, "G2"])

        try store.decide(itemID: a, goalCode: "G2", tagged: true)
        try store.decide(itemID: b, goalCode: "G1", tagged: false)
        let machine = [
            a: [Tag(itemID: a, goalCode: "G1", source: .rule, score: 1),
                Tag(itemID: a, goalCode: "G2", source: .rule, score: 1)],  // a is in G2 by decision already
            b: [Tag(itemID: b, goalCode: "G1", source: .rule, score: 2)],  // b is out of G1 by decision
        ]
        let result = try store.retag(hearingID: hearing) { items in items.map { machine[$0.id!] ?? [] } }
        #expect(result.items == 2)
        #expect(result.stored == [.rule: 1])
        let tags = try store.tags(hearingID: hearing)
        #expect(tags.map { "\($0.itemID)\($0.goalCode)\($0.source.rawValue)" }.sorted() == ["\(a)G1rule", "\(a)G2person"].sorted())
        #expect(tags.first { $0.source == .person }?.taggedBy == "test")
        // What the model learns from: people's tags, not their untags, in one read.
        let labels = try store.personLabels(hearingID: hearing)
        #expect(labels.map(\.item.body) == ["a"])
        #expect(labels.map(\.goalCode) == ["G2"])

        let update = try store.replaceGoals(hearingID: hearing, goals: [PolicyGoal(code: "G1", name: "One, renamed")])
        #expect(update.changed == ["G1"])
        #expect(update.removed == ["G2.1"])
        #expect(update.kept == ["G2"])
        #expect(try store.tags(hearingID: hearing).map(\.source) == [.person])
        #expect(try store.items(hearingID: hearing, goal: "G2").map(\.body) == ["a"])
    }

    @Test("Re-tagging in batches on a second thread keeps the items' order, and a failure changes nothing")
    func retagBatches() throws {
        struct Refused: Error {}
        let store = try database.store()
        let hearing = try #require(store.addHearing(Hearing(slug: "h", title: "H")).id)
        let ids = try store.addItems((1...700).map { .comment(hearingID: hearing, body: "opinion \($0)") }).compactMap(\.id)
        _ = try store.replaceGoals(hearingID: hearing, goals: [PolicyGoal(code: "G1", name: "One")])
        let tag: @Sendable ([Item]) -> [[MadangCore.Tag]] = { items in items.map { [MadangCore.Tag(itemID: $0.id!, goalCode: "G1", source: .rule, score: 1)] } }
        var seen: [Int64] = []
        let result = try store.retag(hearingID: hearing, classify: tag) { item, tags in
            seen.append(item.id!)
            #expect(tags.map(\.itemID) == [item.id!])
        }
        #expect(result.items == 700 && result.stored == [.rule: 700])
        #expect(seen == ids)
        // The third batch fails: the error comes through and the first run's tags stay as they were.
        let failing: @Sendable ([Item]) throws -> [[MadangCore.Tag]] = { items in
            if items.contains(where: { $0.id == ids[600] }) { throw Refused() }
            return items.map { _ in [] }
        }
        #expect(throws: Refused.self) { try store.retag(hearingID: hearing, classify: failing) }
        #expect(try store.tags(hearingID: hearing).count == 700)
    }

    @Test("Re-tagging writes only what changed: same tags stay as filed, changed ones are rewritten, dropped ones go")
    func retagWritesChanges() throws {
        let store = try database.store()
        let hearing = try #require(store.addHearing(Hearing(slug: "h", title: "H")).id)
        let other = try #require(store.addHearing(Hearing(slug: "o", title: "O")).id)
        let ids = try store.addItems((1...300).map { .comment(hearingID: $0 % 3 == 0 ? other : hearing, body: "opinion \($0)") })
            .compactMap(\.id)
        _ = try store.replaceGoals(hearingID: hearing, goals: [PolicyGoal(code: "G1", name: "One"), PolicyGoal(code: "G2", name: "Two")])
        _ = try store.replaceGoals(hearingID: other, goals: [PolicyGoal(code: "G1", name: "One")])
        // Proposals as a function of a version: version 2 changes item 1's evidence, drops
        // item 2's G2 and adds G2 to item 4; every item also gets G1 proposed twice.
        func proposals(_ version: Int) -> @Sendable ([Item]) -> [[MadangCore.Tag]] {
            { items in
                items.map { item in
                    let n = item.id!
                    var tags = [MadangCore.Tag(itemID: n, goalCode: "G1", source: .rule, score: 1,
                                               evidence: [version == 2 && n == ids[0] ? "new" : "old"]),
                                MadangCore.Tag(itemID: n, goalCode: "G1", source: .model, score: 9)]
                    if (n == ids[1] && version == 1) || (n == ids[4] && version == 2) {
                        tags.append(MadangCore.Tag(itemID: n, goalCode: "G2", source: .rule, score: 2))
                    }
                    return tags
                }
            }
        }
        _ = try store.retag(hearingID: other, classify: proposals(1))
        let first = try store.retag(hearingID: hearing, classify: proposals(1))
        #expect(first.items == 200 && first.stored == [.rule: 201] && first.changed == 201)
        let filed = try store.tags(hearingID: hearing)

        let again = try store.retag(hearingID: hearing, classify: proposals(1))
        #expect(again.stored == [.rule: 201] && again.changed == 0)
        #expect(try store.tags(hearingID: hearing) == filed)

        try store.decide(itemID: ids[7], goalCode: "G1", tagged: false)
        let second = try store.retag(hearingID: hearing, classify: proposals(2))
        #expect(second.stored == [.rule: 200] && second.changed == 3)
        let tags = try store.tags(hearingID: hearing)
        #expect(tags.first { $0.itemID == ids[0] }?.evidence == ["new"])
        #expect(!tags.contains { $0.itemID == ids[1] && $0.goalCode == "G2" })
        #expect(tags.contains { $0.itemID == ids[4] && $0.goalCode == "G2" && $0.source == .rule })
        #expect(!tags.contains { $0.itemID == ids[7] })  // untagged by a person, and kept so
        // Unchanged tags keep the time they were first filed; the other hearing is untouched.
        let unchanged = try #require(tags.first { $0.itemID == ids[10] })
        #expect(unchanged.taggedAt == filed.first { $0.itemID == ids[10] }?.taggedAt)
        #expect(try store.tags(hearingID: other).count == 100)
    }

    @Test("A hearing keeps one learned model, versioned")
    func models() throws {
        let store = try database.store()
        let hearing = try #require(store.addHearing(Hearing(slug: "h", title: "H")).id)
        #expect(try store.model(hearingID: hearing) == nil)
        #expect(try store.saveModel(hearingID: hearing, data: Data("one".utf8), trainingSize: 3) == 1)
        #expect(try store.saveModel(hearingID: hearing, data: Data("two".utf8), trainingSize: 5) == 2)
        let model = try #require(try store.model(hearingID: hearing))
        #expect((model.version, model.trainingSize, model.data) == (2, 5, Data("two".utf8)))
    }
}

@Suite("Evidence JSON")
struct EvidenceJSONTests {
    @Test("The hand-written JSON reads back as the same strings", arguments: [
        [String](), ["plain"], ["데이터 허브 (in \"데이터허브를\")", "back\\slash", "line\nbreak\ttab\r", "\u{1}\u{1F}"],
    ])
    func roundTrip(strings: [String]) throws {
        let json = Store.jsonArray(strings)
        #expect(try JSONDecoder().decode([String].self, from: Data(json.utf8)) == strings)
    }
}
