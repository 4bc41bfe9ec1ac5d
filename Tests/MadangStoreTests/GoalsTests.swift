import Foundation
import MadangCore
import Testing
@testable import MadangStore

@Suite("Goals and tags")
struct GoalsTests {
    let database = try! TemporaryDatabase()

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
