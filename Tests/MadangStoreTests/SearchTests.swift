import MadangCore
import Testing
@testable import MadangStore

@Suite("Full-text search")
struct SearchTests {
    let database: TemporaryDatabase
    let store: Store
    let hearingID: Int64

    init() throws {
        database = try TemporaryDatabase()
        store = try database.store()
        hearingID = try #require(store.addHearing(Hearing(slug: "h", title: "Hearing")).id)
    }

    @discardableResult
    func comment(_ body: String, title: String? = nil) throws -> Int64 {
        try #require(store.addItem(.comment(hearingID: hearingID, body: body, title: title)).id)
    }

    func ids(_ query: String) throws -> Set<Int64> {
        Set(try store.search(hearingID: hearingID, query: query).compactMap(\.item.id))
    }

    @Test("A word typed again, or the start of another word, adds nothing to the query; 32 words at most")
    func repeatedWords() {
        #expect(Store.matchExpression(for: String(repeating: "a ", count: 500)) == #""a" *"#)
        #expect(Store.matchExpression(for: "park Parking PARK 교통 교통이") == #""parking" * "교통이" *"#)
        let many = (1...100).map { "w\($0)x" }.joined(separator: " ")
        #expect(Store.matchExpression(for: many)?.components(separatedBy: " *").count == 33)
    }

    @Test("교통 finds 교통이 불편합니다 and 대중교통, not unrelated text")
    func koreanWordInsideWords() throws {
        let particle = try comment("교통이 불편합니다")
        let compound = try comment("대중교통 노선을 늘려 주세요")
        try comment("공원이 더 필요합니다")
        #expect(try ids("교통") == [particle, compound])
    }

    @Test("데이터허브 finds 데이터허브를")
    func koreanWordBeforeParticle() throws {
        let hub = try comment("데이터허브를 시민에게 개방해야 합니다")
        try comment("데이터 정책")
        #expect(try ids("데이터허브") == [hub])
    }

    @Test("English words match whole words and as prefixes, ignoring case")
    func english() throws {
        let parking = try comment("Parking near the station is impossible")
        let park = try comment("We need a park")
        try comment("Sidewalks are broken")
        #expect(try ids("park") == [parking, park])
        #expect(try ids("STATION parking") == [parking])
        #expect(try ids("bicycle").isEmpty)
    }

    @Test("Every word must match")
    func allWords() throws {
        let both = try comment("버스 정류장에 데이터 안내판")
        try comment("버스만 있습니다")
        #expect(try ids("버스 데이터") == [both])
    }

    @Test("Proposal titles are searched too")
    func titles() throws {
        let item = try store.addItem(.proposal(
            hearingID: hearingID, group: "Gwangju citizens", title: "Smart crosswalks", body: "Lights that sense walkers"))
        #expect(try ids("crosswalks") == [item.id!])
    }

    @Test("Query syntax is taken as plain text")
    func querySyntaxIsText() throws {
        let quoted = try comment(#"He said "NEAR" and OR AND - * ( ) : ^"#)
        #expect(try ids(#"NEAR( " OR AND -"#) == [quoted])
        #expect(try ids("* ( ) :").isEmpty)
    }

    @Test("The snippet marks the matched text in the original words")
    func snippetHighlights() throws {
        try comment("시민들은 대중교통 확충을 요구했습니다")
        let hit = try #require(store.search(hearingID: hearingID, query: "교통").first)
        #expect(hit.snippet.contains("대중[교통]"))
        try comment("데이터허브를 만듭시다")
        let hub = try #require(store.search(hearingID: hearingID, query: "데이터허브").first)
        #expect(hub.snippet.contains("[데이터허브]를"))
    }

    @Test("Deleted and other hearings' items are not found")
    func scope() throws {
        let gone = try comment("지하철 연장")
        try store.deleteItem(id: gone)
        let other = try #require(store.addHearing(Hearing(slug: "other", title: "Other")).id)
        _ = try store.addItem(.comment(hearingID: other, body: "지하철 연장"))
        #expect(try ids("지하철").isEmpty)
    }

    @Test("Decomposed Hangul is stored and found as precomposed text")
    func normalization() throws {
        let decomposed = "교통".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count == 5)  // ㄱㅛ ㅌㅗㅇ
        let id = try comment(decomposed + "이 불편")
        #expect(try ids("교통") == [id])
    }
}
