import Foundation
import Testing

@Suite("madang goals, categorize, tag: an official's decisions")
struct CategorizeCLITests {
    let cli = try! CLI()

    func setUp() throws {
        try cli.ok("init")
        try cli.ok("hearing", "add", "h", "--title", "Hearing")
        try cli.ok("comment", "add", "h", "데이터허브를 시민에게 개방해 주세요")              // 1: G1
        try cli.ok("comment", "add", "h", "Too many regulations stop private companies")  // 2: G2
        try cli.ok("comment", "add", "h", "점심이 맛있었어요")                             // 3: nothing
        try cli.ok("comment", "add", "h", "Sell our solutions overseas, 해외 진출")          // 4: G3
        try file("goals.yaml", """
            goals:
              - id: G1
                name: Digital space for all
                terms: [data hub, 데이터 허브]
              - id: G2
                name: Private-led innovation
                terms: [private companies, regulation, 규제]
              - id: G3
                name: A model for the world
                terms: [overseas, 해외]
            """)
    }

    func file(_ name: String, _ text: String) throws {
        try text.write(to: cli.folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func goalItems(_ goal: String) throws -> [String] {
        let items = try #require(try cli.json("items", "h", "--goal", goal, "--json") as? [[String: Any]])
        return items.compactMap { $0["body"] as? String }
    }

    @Test("Loading a taxonomy files items under their goals and leaves off-topic ones uncategorized")
    func loadAndCategorize() throws {
        defer { cli.cleanUp() }
        try setUp()
        let output = try cli.ok("goals", "load", "h", cli.folder.appendingPathComponent("goals.yaml").path)
        #expect(output.contains("Loaded 3 goals"))
        #expect(output.contains("Filed 3 of 4 items"))
        #expect(try goalItems("G1") == ["데이터허브를 시민에게 개방해 주세요"])
        #expect(try goalItems("G2") == ["Too many regulations stop private companies"])
        let explain = try cli.ok("categorize", "h", "--explain")
        #expect(explain.contains("G1 score 1.00 (rule): 데이터 허브 (in \"데이터허브를\")"))
        #expect(explain.contains("G2 score 2.00 (rule): regulation (in \"regulations\"), private companies"))
        #expect(explain.contains("No model yet"))
        #expect(explain.contains("Uncategorized (no goal's terms found):\n   #3 comment: 점심이 맛있었어요"))
    }

    @Test("--explain shows people's decisions as made, and its summary agrees with its list")
    func explainShowsDecisions() throws {
        defer { cli.cleanUp() }
        try setUp()
        try cli.ok("goals", "load", "h", cli.folder.appendingPathComponent("goals.yaml").path)
        try cli.ok("untag", "1", "G1")
        try cli.ok("tag", "3", "G2")
        let explain = try cli.ok("categorize", "h", "--explain")
        #expect(!explain.contains("G1 score"), "the untagged goal is still listed:\n\(explain)")
        #expect(explain.contains("#1 comment: 데이터허브를 시민에게 개방해 주세요\n   not G1 (person: "))
        #expect(explain.contains("#3 comment: 점심이 맛있었어요\n   G2 (person: "))
        // Items 2, 3 (by a person) and 4 are filed; item 1 is under no goal now.
        #expect(explain.contains("Filed 3 of 4 items under goals (2 rule tags, 0 model tags)"), "\(explain)")
    }

    @Test("Items that arrive after the taxonomy are filed as they are stored: typed, imported, recorded")
    func filedOnArrival() throws {
        defer { cli.cleanUp() }
        try setUp()
        try cli.ok("goals", "load", "h", cli.folder.appendingPathComponent("goals.yaml").path)
        try cli.ok("comment", "add", "h", "데이터 허브에 교통 정보를 더해 주세요")
        try file("late.csv", "body\n\"Less regulation for private companies, please.\"\n")
        try cli.ok("import", "h", cli.folder.appendingPathComponent("late.csv").path, "--kind", "comment")
        try cli.ok("panel", "add", "h", "Nam Gwang-woo")
        try cli.ok("record", "h", input: "nam: Our firms should go overseas.\n")
        #expect(try goalItems("G1").contains("데이터 허브에 교통 정보를 더해 주세요"))
        #expect(try goalItems("G2").contains("Less regulation for private companies, please."))
        #expect(try goalItems("G3").contains("Our firms should go overseas."))
        // Filing on arrival is part of adding, not a categorizing run of its own in the audit log.
        #expect(try cli.ok("categorize", "h").contains("No tag changed"))
    }

    @Test("Loading goals trains no model; categorize does, once people have decided enough")
    func trainingOnlyWhenAsked() throws {
        defer { cli.cleanUp() }
        try setUp()
        for text in ["시민 데이터 공유", "공공 데이터 개방", "민간 투자 확대", "기업 지원 확대"] { try cli.ok("comment", "add", "h", text) }
        let goals = cli.folder.appendingPathComponent("goals.yaml").path
        try cli.ok("goals", "load", "h", goals)
        for (item, goal) in [("1", "G1"), ("5", "G1"), ("6", "G1"), ("2", "G2"), ("7", "G2"), ("8", "G2")] {
            try cli.ok("tag", item, goal)
        }
        let reload = try cli.ok("goals", "load", "h", goals)
        #expect(!reload.contains("trained now") && reload.contains("No model yet"), "\(reload)")
        #expect(try cli.ok("categorize", "h").contains("trained now on 6 labelled texts"))
    }

    @Test("A person's tag and untag survive re-categorizing and reloading a changed taxonomy")
    func peopleWin() throws {
        defer { cli.cleanUp() }
        try setUp()
        let goals = cli.folder.appendingPathComponent("goals.yaml").path
        try cli.ok("goals", "load", "h", goals)
        try cli.ok("tag", "3", "G1")
        try cli.ok("untag", "2", "G2")
        try cli.ok("categorize", "h")
        #expect(try goalItems("G1") == ["데이터허브를 시민에게 개방해 주세요", "점심이 맛있었어요"])
        #expect(try goalItems("G2").isEmpty)

        // A new taxonomy: G1 loses its terms, G2 gains one, G3 goes.
        try file("goals.yaml", """
            goals:
              - id: G1
                name: Digital space for all
                terms: [platform]
              - id: G2
                name: Private-led innovation
                terms: [private companies, overseas]
            """)
        let output = try cli.ok("goals", "load", "h", goals)
        #expect(output.contains("removed: G3"))
        #expect(try goalItems("G1") == ["점심이 맛있었어요"]) // the person's tag stays, the rule's went
        #expect(try goalItems("G2") == ["Sell our solutions overseas, 해외 진출"]) // item 2 stays out by decision
        let log = try #require(try cli.json("goals", "list", "h", "--json") as? [[String: Any]])
        #expect(log.compactMap { $0["code"] as? String } == ["G1", "G2"])
    }

    @Test("A taxonomy with a mistake names its line and column and changes nothing")
    func badTaxonomy() throws {
        defer { cli.cleanUp() }
        try setUp()
        try cli.ok("goals", "load", "h", cli.folder.appendingPathComponent("goals.yaml").path)
        try file("bad.yaml", "goals:\n  - id: G1\n    name: X\n    terms: [a, {term: b, weight: zero}]\n")
        let result = try cli.run("goals", "load", "h", cli.folder.appendingPathComponent("bad.yaml").path)
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad.yaml:4:"))
        #expect(result.stderr.contains("weight must be a positive number"))
        #expect(try goalItems("G2") == ["Too many regulations stop private companies"])
        let unknown = try cli.run("tag", "1", "G9")
        #expect(unknown.stderr.contains("There is no goal 'G9'. The goals are: G1, G2, G3."))
    }

    @Test("A model learned from a labelled file files what the rules miss, and is kept with its version")
    func learnedModel() throws {
        defer { cli.cleanUp() }
        try setUp()
        try cli.ok("goals", "load", "h", cli.folder.appendingPathComponent("goals.yaml").path)
        try cli.ok("comment", "add", "h", "Please open the city's datasets to everyone")   // 5: no rule term
        try file("train.csv", """
            text,goal
            open datasets for citizens,G1
            publish city datasets online,G1
            open the datasets of every district,G1
            companies want fewer permits,G2
            startups need fewer permits,G2
            firms ask for fewer permits,G2
            export our services abroad,G3
            """)
        let output = try cli.ok("categorize", "h", "--train", cli.folder.appendingPathComponent("train.csv").path, "--explain")
        #expect(output.contains("Model v1, trained now on 7 labelled texts."))
        #expect(output.contains("#5 comment: Please open the city's datasets to everyone\n   G1 score"))
        #expect(output.contains("(model): model v1"))
        #expect(try goalItems("G1").contains("Please open the city's datasets to everyone"))
        // The same training material again: the stored model stands, no new version.
        #expect(try cli.ok("categorize", "h", "--train", cli.folder.appendingPathComponent("train.csv").path)
            .contains("Model v1, trained earlier on 7 labelled texts."))
        // Without the file there are too few examples; the stored model is used.
        #expect(try cli.ok("categorize", "h").contains("Model v1, trained earlier on 7 labelled texts."))
        // A person's tag changes the training set: a new version.
        try cli.ok("tag", "3", "G1")
        #expect(try cli.ok("categorize", "h", "--train", cli.folder.appendingPathComponent("train.csv").path)
            .contains("Model v2, trained now on 8 labelled texts."))
        try file("bad.csv", "text,goal\nsomething,G7\n")
        let bad = try cli.run("categorize", "h", "--train", cli.folder.appendingPathComponent("bad.csv").path)
        #expect(bad.stderr.contains("these are not: G7"))
    }
}
