import Foundation
import MadangCore
import Testing
@testable import MadangCategorizer

@Suite("Taxonomy files")
struct TaxonomyFileTests {
    @Test("YAML: goals, strategies, weights and excludes")
    func yaml() throws {
        let goals = try TaxonomyFile.parseYAML("""
            goals:
              - id: G1
                name: Digital space
                description: For everyone
                terms: [data hub, 데이터허브, {term: platform city, weight: 2}]
                exclude: [hub cap]
                strategies:
                  - id: G1.1
                    name: Data hubs
                    terms: [open data]
              - id: G2
                name: Private-led
                terms:
                  - private sector
            """, file: "t.yaml")
        #expect(goals.map(\.code) == ["G1", "G1.1", "G2"])
        #expect(goals[0].terms == [GoalTerm("data hub"), GoalTerm("데이터허브"), GoalTerm("platform city", weight: 2)])
        #expect(goals[0].excludes == [GoalTerm("hub cap")])
        #expect(goals[1].parentCode == "G1")
        #expect(goals[0].description == "For everyone")
    }

    @Test("YAML mistakes name the line and column", arguments: [
        ("goals:\n  - id: G1\n    name: [unclosed\n", 4),
        ("goals:\n  - id: G1\n    nmae: Typo\n", 3),
        ("goals:\n  - name: No id\n    terms: [a]\n", 2),
        ("goals:\n  - id: G1\n    name: X\n    terms: [{term: a, weight: -1}]\n", 4),
        ("topics: []\n", 1),
    ])
    func yamlErrors(text: String, line: Int) {
        do {
            _ = try TaxonomyFile.parseYAML(text, file: "bad.yaml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.description.hasPrefix("bad.yaml:\(line)"))
        }
    }

    @Test("Aliases that would repeat goals into millions are refused at the thousandth, with its place")
    func aliasBomb() {
        var yaml = "goals:\n  - &g0 {id: G0, name: Zero, terms: [a]}\n"
        for level in 1...30 {
            yaml += "  - &g\(level) {id: G\(level), name: N\(level), terms: [b], strategies: [*g\(level - 1), *g\(level - 1)]}\n"
        }
        #expect(throws: TaxonomyError.self) { try TaxonomyFile.parseYAML(yaml, file: "bomb.yaml") }
        do {
            _ = try TaxonomyFile.parseYAML(yaml, file: "bomb.yaml")
        } catch {
            #expect(error.description.contains("more than 1000 goals"))
            #expect(error.line != nil)
        }
    }

    @Test("A term longer than a phrase, or more terms than a matcher should hold, is refused with its place")
    func limits() {
        let long = String(repeating: "가", count: 101)
        #expect(throws: TaxonomyError.self) {
            try TaxonomyFile.parseYAML("goals:\n  - id: G1\n    name: One\n    terms: [ok, \(long)]\n", file: "t.yaml")
        }
        let many = (1...5_001).map { "t\($0)" }.joined(separator: ", ")
        #expect(throws: TaxonomyError.self) {
            try TaxonomyFile.parseYAML("goals:\n  - id: G1\n    name: One\n    terms: [\(many)]\n", file: "t.yaml")
        }
        // 600 terms of 90 syllables: within the counts, past the characters all terms may hold.
        let heavy = (1...600).map { "\($0)" + String(repeating: "가", count: 88) }.joined(separator: ", ")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("heavy-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try? "goals:\n  - id: G1\n    name: One\n    terms: [\(heavy)]\n".write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try TaxonomyFile.load(path: file.path)
            Issue.record("a taxonomy of 54,000 characters of terms was loaded")
        } catch {
            #expect(error.description.contains("hold 54492 characters in all, more than \(TaxonomyFile.maximumTermCharacters)"))
        }
        let fine = (1...300).map { "t\($0)" }.joined(separator: ", ")
        #expect(throws: Never.self) { try TaxonomyFile.parseYAML("goals:\n  - id: G1\n    name: One\n    terms: [\(fine)]\n", file: "t.yaml") }
    }

    @Test("CSV: one term per row, as officials keep it in Excel")
    func csv() throws {
        let goals = try TaxonomyFile.parseCSV("""
            goal_id,goal_name,term,weight
            G1,Digital space,data hub,
            G1,Digital space,데이터허브,2
            G2,Private-led,private sector,
            """, file: "t.csv")
        #expect(goals.map(\.code) == ["G1", "G2"])
        #expect(goals[0].terms == [GoalTerm("data hub"), GoalTerm("데이터허브", weight: 2)])
        #expect(throws: TaxonomyError(file: "t.csv", line: 2, column: 4, "weight must be a positive number")) {
            try TaxonomyFile.parseCSV("goal_id,goal_name,term,weight\nG1,X,a,heavy\n", file: "t.csv")
        }
        #expect(throws: TaxonomyError.self) { try TaxonomyFile.parseCSV("id,name\nG1,X\n", file: "t.csv") }
    }

    @Test("The shipped example taxonomy of the 4th Smart City Comprehensive Plan loads")
    func shippedExample() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/smart-city-plan-4.goals.yaml").path
        let goals = try TaxonomyFile.load(path: path)
        #expect(goals.filter { $0.parentCode == nil }.count == 3)
        let rules = RuleCategorizer(goals: goals)
        #expect(rules.categorize("데이터허브를 시민에게 개방해 주세요").map(\.goal.code).contains("G1"))
        #expect(rules.categorize("Many regulations still block innovation by private companies").map(\.goal.code).contains("G2"))
        #expect(rules.categorize("Take the demonstration programs to markets abroad").map(\.goal.code).contains("G3"))
    }
}
