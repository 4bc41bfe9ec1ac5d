import Foundation
import MadangCore
import Testing
@testable import MadangCategorizer

@Suite("Term matching")
struct TermMatcherTests {
    func found(_ terms: [String], in text: String) -> [String] {
        TermMatcher(terms.enumerated().map { TermMatcher.Entry(term: $0.element, owner: $0.offset) })
            .matches(in: text).map(\.entry.term)
    }

    @Test("Hangul terms match inside words and across any spacing")
    func hangul() {
        #expect(found(["데이터 허브"], in: "데이터허브를 개방해야") == ["데이터 허브"])
        #expect(found(["데이터허브"], in: "데이터  허브는 중요") == ["데이터허브"])
        #expect(found(["교통"], in: "대중교통이 불편") == ["교통"])
        #expect(found(["주차"], in: "주차장에서") == ["주차"])
        #expect(found(["교통"], in: "교육이 중요") == [])
    }

    @Test("English terms are whole words, with simple endings")
    func english() {
        #expect(found(["tax"], in: "the taxi driver") == [])
        #expect(found(["tree"], in: "on the street") == [])
        #expect(found(["tree"], in: "Plant more TREES!") == ["tree"])
        #expect(found(["park"], in: "parking is hard; parked cars; two parks; a parkway") == ["park", "park", "park"])
        #expect(found(["bus"], in: "business district") == [])
        #expect(found(["bus stop"], in: "the bus   stop is far") == ["bus stop"])
        #expect(found(["bus stop"], in: "a busstop") == [])
        #expect(found(["private sector"], in: "led by the Private-Sector") == [])
    }

    @Test("Full-width and compatibility forms match their plain form")
    func nfkc() {
        #expect(found(["ai"], in: "ＡＩ 기술") == ["ai"])
        #expect(found(["smart city"], in: "ｓｍａｒｔ ｃｉｔｙ") == ["smart city"])
    }

    @Test("The quick fold agrees with Foundation's NFKC and lowercasing")
    func foldAgrees() {
        for text in ["Plain ASCII Text", "Café ÀÉÎ", "교통이 불편합니다", "大衆交通", "“Quoted” – dash", "ＡＢＣ ｘｙｚ",
                     "ㄱㄴㄷ", "ﬁ ligature", "Ⅻ roman", "e\u{301}", "㈜ 회사", "…", "ΣΑΣ İstanbul"] {
            let expected = text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars.map(\.value)
            #expect(MatchText.fold(text) == expected, "\(text)")
        }
    }

    @Test("The byte-level fold takes exactly the characters that fold to themselves, and agrees with Foundation on them")
    func quickFold() {
        // Every character of the Basic Multilingual Plane and a sample of the others,
        // inside a text and at its very end (where the check reads fewer bytes ahead).
        let values = Array(0..<0xD800) + Array(0xE000..<0x10000) + Array(stride(from: 0x10000, to: 0x110000, by: 97))
        var wrong: [String] = []
        for value in values {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let character = String(Character(scalar))
            let expected = value < 0x80 || MatchText.isQuicklyFolded(UInt32(value))
            for text in ["a\(character)bc", character] {
                let quick = MatchText.quicklyFoldedUTF8([text])
                if (quick != nil) != expected { wrong.append(String(format: "U+%04X in %@", value, text)) }
                if let quick, quick != MatchText.slowlyFoldedUTF8([text]) { wrong.append(String(format: "U+%04X folds differently", value)) }
            }
            if expected, value >= 0x80,
               character.precomposedStringWithCompatibilityMapping.lowercased() != character {
                wrong.append(String(format: "U+%04X changes under NFKC and lowercasing", value))
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(20))")
    }

    @Test("A long text read in three parts at once gives the hits of one scan")
    func partsAgreeWithOneScan() {
        let terms = ["교통", "교통 체증", "데이터 허브", "버스", "주차장", "bus", "bus stop", "traffic light", "park", "tax",
                     "smart city", "공공데이터", "안전", "safety"]
        let matcher = TermMatcher(terms.enumerated().map { TermMatcher.Entry(term: $0.element, owner: $0.offset) })
        let filler = ["시민", "의견을", "드립니다", "the", "city", "needs", "more", "taxis", "parking", "버스로", "데이터허브를",
                      "교통이", "busy", "stops", "Park", "TRAFFIC", "light", ".", ",", "\n", "불편합니다"]
        var generator = SplitMix64(seed: 42)
        var checked = 0
        for round in 0..<300 {
            var text = ""
            let pieces = Int.random(in: 20...600, using: &generator)
            for _ in 0..<pieces {
                let piece = Bool.random(using: &generator) ? terms.randomElement(using: &generator)! : filler.randomElement(using: &generator)!
                text += piece
                // Mostly one space, sometimes none, and now and then a long run (one text in ten).
                let spaces = round % 10 == 0 && Int.random(in: 0..<8, using: &generator) == 0
                    ? Int.random(in: 20...60, using: &generator) : Int.random(in: 0...1, using: &generator)
                text += String(repeating: " ", count: spaces)
            }
            let parts = matcher.hits(inParts: ["제목", text])
            let one = matcher.hits(inParts: ["제목", text], inOneScan: true)
            let first = zip(parts.hits, one.hits).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(parts.hits.count, one.hits.count)
            #expect(parts.hits.count == one.hits.count && first == one.hits.count,
                    "round \(round): \(parts.hits.count) hits in parts, \(one.hits.count) in one scan, first difference at \(first)")
            checked += one.hits.count
        }
        #expect(checked > 10_000)
    }

    @Test("Hits are those of a plain search, with few terms (16-bit table) or many (32-bit)", arguments: [150, 4000])
    func agreesWithPlainSearch(termCount: Int) {
        // Hangul terms of two to four syllables from a small set, so they share prefixes
        // and overlap; with 4,000 of them the automaton has too many states for 16 bits.
        let syllables = Array("가나다라마바사아자차카타파하교통버스").map(String.init)
        var generator = SplitMix64(seed: UInt64(termCount))
        var terms = Set<String>()
        while terms.count < termCount {
            terms.insert((0..<Int.random(in: 2...4, using: &generator)).map { _ in syllables.randomElement(using: &generator)! }.joined())
        }
        let list = terms.sorted()
        let matcher = TermMatcher(list.enumerated().map { TermMatcher.Entry(term: $0.element, owner: $0.offset) })
        for _ in 0..<20 {
            let text = (0..<Int.random(in: 50...400, using: &generator)).map { _ in syllables.randomElement(using: &generator)! }.joined()
            // Every run of two to four syllables that is a term, at its byte offset.
            let characters = Array(text)
            var expected: [String] = []
            for start in characters.indices {
                for length in 2...4 where start + length <= characters.count {
                    let run = String(characters[start..<(start + length)])
                    if terms.contains(run) { expected.append("\(run)@\(start * 3)") }
                }
            }
            let found = matcher.matches(in: text).map { "\($0.entry.term)@\($0.start)" }
            let (missed, extra) = (Set(expected).subtracting(found), Set(found).subtracting(expected))
            #expect(found.count == expected.count && missed.isEmpty && extra.isEmpty,
                    "\(found.count) hits, \(expected.count) expected; missed \(missed.sorted().prefix(5)), extra \(extra.sorted().prefix(5))")
            #expect(!expected.isEmpty)
        }
    }

    @Test("Overlapping terms are all found")
    func overlapping() {
        #expect(Set(found(["traffic", "traffic light", "light"], in: "fix the traffic light")) == ["traffic", "traffic light", "light"])
        #expect(Set(found(["교통", "교통 체증", "체증"], in: "교통체증이 심합니다")) == ["교통", "교통 체증", "체증"])
    }

    @Test("The shared benchmark's matching rules hold on its own example words")
    func benchmarkSemantics() {
        // ../shared/bench/taxonomy.py: ASCII terms on ASCII word boundaries, Korean as substrings.
        #expect(found(["bus", "버스"], in: "버스를 타고 bus로") == ["버스", "bus"])
        #expect(found(["주차"], in: "주차장에서 기다림") == ["주차"])
    }
}

@Suite("Rule categorizer")
struct RuleCategorizerTests {
    let goals = [
        PolicyGoal(code: "G1", name: "Digital space for all", terms: [GoalTerm("data hub"), GoalTerm("데이터 허브"), GoalTerm("platform")]),
        PolicyGoal(code: "G1.1", name: "Data hubs", parentCode: "G1", terms: [GoalTerm("open data"), GoalTerm("공공데이터")]),
        PolicyGoal(code: "G2", name: "Private-led innovation", terms: [GoalTerm("private companies"), GoalTerm("민간 기업"), GoalTerm("regulation", weight: 2)],
                   excludes: [GoalTerm("private school")]),
        PolicyGoal(code: "G3", name: "A model for the world", terms: [GoalTerm("overseas"), GoalTerm("해외")]),
    ]

    @Test("An item gets every goal it signals, with the terms as evidence")
    func severalGoals() throws {
        let results = RuleCategorizer(goals: goals).categorize("민간 기업이 데이터허브를 해외로 가져가야 합니다")
        #expect(Set(results.map(\.goal.code)) == ["G1", "G2", "G3"])
        let g1 = try #require(results.first { $0.goal.code == "G1" })
        #expect(g1.evidence.map(\.term) == ["데이터 허브"])
        #expect(g1.evidence.first?.found == "데이터허브를")
    }

    @Test("Weights count, each term once")
    func weights() throws {
        let result = try #require(RuleCategorizer(goals: goals).categorize("Regulation, regulation and private companies").first)
        #expect(result.goal.code == "G2")
        #expect(result.score == 3)
    }

    @Test("A strategy's terms file the item under the strategy and its goal")
    func strategies() {
        let codes = RuleCategorizer(goals: goals).categorize("Publish open data now").map(\.goal.code)
        #expect(Set(codes) == ["G1", "G1.1"])
    }

    @Test("An exclude term rules its goal out")
    func excludes() {
        #expect(RuleCategorizer(goals: goals).categorize("private companies run a private school").isEmpty)
    }

    @Test("Off-topic text stays uncategorized")
    func offTopic() {
        #expect(RuleCategorizer(goals: goals).categorize("점심 메뉴가 맛있었습니다. The coffee was cold.").isEmpty)
    }
}

