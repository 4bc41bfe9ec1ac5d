import Foundation
import Testing

@Suite("madang, run as a person would")
struct CLITests {
    let cli = try! CLI()

    /// A hearing with a chair and two panelists.
    func setUpHearing() throws {
        try cli.ok("init")
        try cli.ok("hearing", "add", "plan-4", "--title", "4th Smart City Plan hearing", "--kind", "public-hearing",
                   "--date", "2024-01-05 14:00", "--venue", "KRIHS, Sejong", "--organizer", "MOLIT",
                   "--organizer", "KRIHS", "--plan", "4th plan (draft)", "--in-person", "400", "--online", "77")
        try cli.ok("panel", "add", "plan-4", "Kim Gap-seong", "--role", "chair", "--affiliation", "Yonsei University")
        try cli.ok("panel", "add", "plan-4", "Nam Gwang-woo", "--affiliation", "Kyungsung University")
        try cli.ok("panel", "add", "plan-4", "박성남", "--role", "토론자", "--affiliation", "건축공간연구원")
    }

    @Test("Every command's --help shows an example", arguments: [
        [], ["init"], ["hearing", "add"], ["hearing", "list"], ["hearing", "show"], ["hearing", "edit"],
        ["panel", "add"], ["panel", "list"], ["record"], ["statement", "add"], ["comment", "add"],
        ["proposal", "add"], ["items"], ["search"], ["digest"], ["demo"],
        ["import"], ["imports", "list"], ["imports", "undo"], ["goals", "load"], ["goals", "list"],
        ["categorize"], ["tag"], ["untag"], ["evaluate"],
    ])
    func helpHasExamples(command: [String]) throws {
        defer { cli.cleanUp() }
        let result = try CLI.finish(cli.start(command + ["--help"]))
        #expect(result.status == 0)
        #expect(result.stdout.contains("Example"))
        #expect(result.stdout.contains("madang "))
    }

    @Test("Without a database, commands say to run madang init and create nothing")
    func noDatabase() throws {
        defer { cli.cleanUp() }
        let result = try cli.run("hearing", "list")
        #expect(result.status != 0)
        #expect(result.stderr.contains("madang init"))
        #expect(!FileManager.default.fileExists(atPath: cli.database))
    }

    @Test("An unknown hearing is named, with the ones that exist")
    func unknownHearing() throws {
        defer { cli.cleanUp() }
        try setUpHearing()
        let result = try cli.run("items", "plan-5")
        #expect(result.status != 0)
        #expect(result.stderr.contains("No hearing is called 'plan-5'. Known hearings: plan-4."))
    }

    @Test("What the CLI stored reads back identically through items --json")
    func roundTrip() throws {
        defer { cli.cleanUp() }
        try setUpHearing()
        var added: [[String: Any]] = []
        func add(_ arguments: String...) throws {
            let output = try cli.ok(arguments + ["--json"])
            added.append(try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]))
        }
        try add("statement", "add", "plan-4", "--speaker", "nam", "데이터허브를 활성화하려면 표준이 필요합니다.")
        try add("statement", "add", "plan-4", "--speaker", "1", "Thank you.\nNext speaker, please.")
        try add("comment", "add", "plan-4", "버스 노선이 부족합니다", "--author", "Lee", "--email", "lee@example.org",
                "--phone", "010-1234-5678", "--channel", "online", "--title", "교통")
        try add("proposal", "add", "plan-4", "Publish bus data", "--group", "Gwangju citizens", "--title", "Open data",
                "--supporters", "42")

        let items = try #require(try cli.json("items", "plan-4", "--json") as? [[String: Any]])
        #expect(items.count == 4)
        for (stored, listed) in zip(added, items) {
            // The listing adds the goals each item is filed under (none yet) and whether it is withdrawn.
            var listed = listed
            #expect((listed.removeValue(forKey: "goals") as? [Any])?.isEmpty == true)
            #expect(listed.removeValue(forKey: "withdrawn") as? Bool == false)
            #expect(listed.removeValue(forKey: "campaign") is NSNull, "no campaign yet")
            #expect(NSDictionary(dictionary: stored).isEqual(to: listed), "\(stored) != \(listed)")
        }
        #expect(items[0]["speaker"] as? String == "Nam Gwang-woo")
        #expect(items[0]["speakingOrder"] as? Int == 1)
        #expect(items[1]["body"] as? String == "Thank you.\nNext speaker, please.")
        #expect(items[1]["speakingOrder"] as? Int == 2)
        let contact = try #require(items[2]["contact"] as? [String: Any])
        #expect(contact["email"] as? String == "lee@example.org")
        #expect(items[2]["body"] as? String == "버스 노선이 부족합니다")
        #expect(items[3]["supporters"] as? Int == 42)
        #expect(items[3]["group"] as? String == "Gwangju citizens")

        let show = try #require(try cli.json("hearing", "show", "plan-4", "--json") as? [String: Any])
        let hearing = try #require(show["hearing"] as? [String: Any])
        #expect(hearing["startsAt"] as? String == "2024-01-05 14:00")
        #expect(hearing["organizers"] as? [String] == ["MOLIT", "KRIHS"])
        #expect(hearing["attendanceOnline"] as? Int == 77)
        let panel = try #require(show["panel"] as? [[String: Any]])
        #expect(panel.map { $0["name"] as? String } == ["Kim Gap-seong", "Nam Gwang-woo", "박성남"])
        #expect(panel.map { $0["role"] as? String } == ["chair", "panelist", "panelist"])
    }

    @Test("Statement add processes started at the same moment all succeed, in distinct speaking order")
    func concurrentWriters() throws {
        defer { cli.cleanUp() }
        try setUpHearing()
        let count = 6
        let started = try (0..<count).map { index in
            try cli.start(["statement", "add", "plan-4", "--speaker", String(index % 3 + 1), "remark \(index)"])
        }
        let results = try started.map(CLI.finish)
        for result in results {
            #expect(result.status == 0, "\(result.stderr)")
        }
        let items = try #require(try cli.json("items", "plan-4", "--json") as? [[String: Any]])
        #expect(items.count == count)
        #expect(Set(items.compactMap { $0["speakingOrder"] as? Int }) == Set(1...count))
    }

    @Test("Processes creating one new database at the same moment all succeed, migrating it once")
    func concurrentCreation() throws {
        defer { cli.cleanUp() }
        for round in 1...5 {
            let path = cli.folder.appendingPathComponent("new-\(round).sqlite").path
            let started = try (0..<4).map { _ in try cli.start(["init", "--db", path]) }
            for result in try started.map(CLI.finish) {
                #expect(result.status == 0, "round \(round): \(result.stderr)")
            }
            #expect(try cli.ok("hearing", "list", "--db", path).contains("No hearings yet"))
        }
    }

    @Test("A transcript piped into record is stored in order; lines without a label continue the speaker")
    func recordFromPipe() throws {
        defer { cli.cleanUp() }
        try setUpHearing()
        let transcript = """
            1: 토론을 시작하겠습니다.
            nam: 데이터 표준이 중요합니다.
            민간 기업의 데이터 가공도 지원해야 합니다.

            박: 지역 규모별로 전략이 달라야 합니다.
            Kim Gap: Thank you all.
            """
        let output = try cli.ok("record", "plan-4", input: transcript)
        #expect(output.contains("Recorded 5 statements for plan-4 (speaking order 1–5)"))
        let items = try #require(try cli.json("items", "plan-4", "--json") as? [[String: Any]])
        #expect(items.map { $0["speaker"] as? String } == ["Kim Gap-seong", "Nam Gwang-woo", "Nam Gwang-woo", "박성남", "Kim Gap-seong"])
        #expect(items[2]["body"] as? String == "민간 기업의 데이터 가공도 지원해야 합니다.")
    }

    @Test("A transcript with an unknown speaker stores nothing and names the line")
    func recordRejectsUnknownSpeaker() throws {
        defer { cli.cleanUp() }
        try setUpHearing()
        let result = try cli.run("record", "plan-4", input: "1: Welcome.\nLee: I was not registered.\n2: Fine.\n")
        #expect(result.status != 0)
        #expect(result.stderr.contains("stdin:2:1: Nobody on the panel matches 'Lee'"))
        #expect(result.stderr.contains("Nothing was recorded"))
        #expect(try cli.ok("items", "plan-4").contains("No items yet"))
        try "nam: from a file\n".write(toFile: cli.folder.appendingPathComponent("t.txt").path, atomically: true, encoding: .utf8)
        #expect(try cli.ok("record", "plan-4", "--from", cli.folder.appendingPathComponent("t.txt").path)
            .contains("Recorded 1 statement"))
    }

    @Test("Search finds Korean inside words and before particles, and English words")
    func search() throws {
        defer { cli.cleanUp() }
        try setUpHearing()
        try cli.ok("comment", "add", "plan-4", "교통이 불편합니다")
        try cli.ok("comment", "add", "plan-4", "대중교통을 늘려 주세요")
        try cli.ok("comment", "add", "plan-4", "데이터허브를 개방해 주세요")
        try cli.ok("comment", "add", "plan-4", "Parking is impossible near the station")
        func bodies(_ query: String...) throws -> Set<String> {
            let hits = try #require(try cli.json(["search", "plan-4"] + query + ["--json"]) as? [[String: Any]])
            return Set(hits.compactMap { ($0["item"] as? [String: Any])?["body"] as? String })
        }
        #expect(try bodies("교통") == ["교통이 불편합니다", "대중교통을 늘려 주세요"])
        #expect(try bodies("데이터허브") == ["데이터허브를 개방해 주세요"])
        #expect(try bodies("parking", "station") == ["Parking is impossible near the station"])
        #expect(try bodies("subway").isEmpty)
        #expect(try cli.ok("search", "plan-4", "교통").contains("대중[교통]을"))
    }

    @Test("Editing a hearing changes only what was given")
    func edit() throws {
        defer { cli.cleanUp() }
        try setUpHearing()
        try cli.ok("hearing", "edit", "plan-4", "--online", "1200", "--venue", "")
        let show = try #require(try cli.json("hearing", "show", "plan-4", "--json") as? [String: Any])
        let hearing = try #require(show["hearing"] as? [String: Any])
        #expect(hearing["attendanceOnline"] as? Int == 1200)
        #expect(hearing["venue"] == nil)
        #expect(hearing["title"] as? String == "4th Smart City Plan hearing")
        let bad = try cli.run("hearing", "edit", "plan-4", "--slug", "Not A Slug")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("not a usable slug"))
    }

    @Test("Bad values are refused with a message and change nothing")
    func badValues() throws {
        defer { cli.cleanUp() }
        try setUpHearing()
        let date = try cli.run("hearing", "add", "x", "--title", "X", "--date", "2024-02-30")
        #expect(date.status != 0)
        #expect(date.stderr.contains("2024-02-30"))
        let email = try cli.run("comment", "add", "plan-4", "hi", "--email", "not-an-address")
        #expect(email.status != 0)
        #expect(email.stderr.contains("not an e-mail address"))
        let speaker = try cli.run("statement", "add", "plan-4", "--speaker", "9", "who?")
        #expect(speaker.status != 0)
        #expect(speaker.stderr.contains("1 Kim Gap-seong (chair), 2 Nam Gwang-woo, 3 박성남"))
        let order = try cli.run("panel", "add", "plan-4", "Lee", "--order", "0")
        #expect(order.status != 0 && order.stderr.contains("places start at 1"))
        #expect(try cli.ok("items", "plan-4").contains("No items yet"))
        #expect(try cli.ok("hearing", "list").split(separator: "\n").count == 2)
    }

    @Test("items --json carries each item's goals and the id its import mapped; an unknown goal is an error")
    func listingsForScripts() throws {
        defer { cli.cleanUp() }
        try setUpHearing()
        let csv = cli.folder.appendingPathComponent("docs.csv")
        try Data("Document ID,Comment\nEPA-2024-0001,Please run more buses.\nEPA-2024-0002,Open the data hub.\n".utf8).write(to: csv)
        try cli.ok("import", "plan-4", csv.path, "--kind", "comment", "--map", "Document ID=external-id")
        try "goals:\n  - id: T\n    name: Transport\n    terms: [bus]\n  - id: D\n    name: Data\n    terms: [data]\n"
            .write(to: cli.folder.appendingPathComponent("goals.yaml"), atomically: true, encoding: .utf8)
        try cli.ok("goals", "load", "plan-4", "goals.yaml")
        try cli.ok("tag", "2", "T")
        let items = try #require(try cli.json("items", "plan-4", "--json") as? [[String: Any]])
        #expect(items.map { $0["externalID"] as? String } == ["EPA-2024-0001", "EPA-2024-0002"])
        let goals = items.map { ($0["goals"] as? [[String: Any]] ?? []).map { "\($0["id"] ?? "")/\($0["source"] ?? "")" } }
        #expect(goals == [["T/rule"], ["T/person", "D/rule"]])
        let unknown = try cli.run("items", "plan-4", "--goal", "T9")
        #expect(unknown.status != 0 && unknown.stderr.contains("There is no goal 'T9'. The goals are: T, D."))
        // The digest's format follows the file's extension.
        try cli.ok("digest", "plan-4", "-o", "report.html")
        #expect(try String(contentsOf: cli.folder.appendingPathComponent("report.html"), encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    }

    @Test("The audit log shows who changed what; deleting a hearing needs its slug twice and is logged")
    func auditAndDelete() throws {
        defer { cli.cleanUp() }
        try setUpHearing()
        try cli.ok("hearing", "add", "other", "--title", "Other hearing")
        try cli.ok("comment", "add", "plan-4", "버스를 늘려 주세요")
        try cli.ok("comment", "add", "other", "Not this hearing")
        let log = try #require(try cli.json("log", "plan-4", "--json") as? [[String: Any]])
        let actions = log.compactMap { $0["action"] as? String }
        #expect(actions == ["hearing.add", "participant.add", "participant.add", "participant.add", "item.add"], "\(actions)")
        #expect(Set(log.compactMap { $0["actor"] as? String }).count == 1)
        let refused = try cli.run("hearing", "delete", "plan-4")
        #expect(refused.status != 0 && refused.stderr.contains("--confirm plan-4"))
        #expect(try cli.run("hearing", "delete", "plan-4", "--confirm", "plan-5").status != 0)
        #expect(try cli.ok("hearing", "list").contains("plan-4"))
        #expect(try cli.ok("hearing", "delete", "plan-4", "--confirm", "plan-4").contains("Deleted plan-4 and its 1 opinion."))
        #expect(!(try cli.ok("hearing", "list").contains("plan-4")))
        #expect(try cli.ok("log").contains("hearing.delete"))
    }

    @Test("A proposal from one person is stored without a group and credited to that person")
    func personalProposal() throws {
        defer { cli.cleanUp() }
        try setUpHearing()
        let added = try #require(try cli.json("proposal", "add", "plan-4", "통학로마다 나무를 심어 주세요.", "--title", "통학로 가로수",
                                              "--author", "홍길동 010-9876-5432", "--supporters", "1250", "--json") as? [String: Any])
        #expect(added["group"] == nil && added["supporters"] as? Int == 1250)
        let digest = try cli.ok("digest", "plan-4", "--show-names")
        #expect(digest.contains(#"**통학로 가로수** — 홍길동 \[phone removed\], 1250 supporters"#), "\(digest)")
        #expect(!digest.contains("010-9876-5432"))
    }

    @Test("A mistyped command is named as one, with the nearest real one")
    func mistypedCommand() throws {
        defer { cli.cleanUp() }
        let top = try cli.run("hearng", "list")
        #expect(top.status == 64)
        #expect(top.stderr.contains("unknown command 'hearng'; did you mean 'madang hearing'?"))
        let nested = try cli.run("hearing", "lst")
        #expect(nested.stderr.contains("did you mean 'madang hearing list'?"))
        let far = try cli.run("zzz")
        #expect(far.stderr.contains("unknown command 'zzz'") && far.stderr.contains("hearing, panel"))
        #expect(!FileManager.default.fileExists(atPath: cli.database))
    }

    @Test("Counts agree in number")
    func counts() throws {
        defer { cli.cleanUp() }
        try setUpHearing()
        let path = cli.folder.appendingPathComponent("one.csv")
        try Data("body\nOne opinion.\n".utf8).write(to: path)
        #expect(try cli.ok("import", "plan-4", path.path, "--kind", "comment").contains("1 row read: 1 imported."))
        #expect(try cli.ok("imports", "undo", "1").contains("removed 1 item."))
        #expect(try cli.ok("hearing", "show", "plan-4").contains("0 statements, 0 comments, 0 proposals"))
        try cli.ok("comment", "add", "plan-4", "버스를 늘려 주세요")
        #expect(try cli.ok("search", "plan-4", "버스").contains("1 match for"))
        #expect(try cli.ok("hearing", "show", "plan-4").contains("1 comment,"))
    }

    @Test("The demo builds its hearings, can run again, and writes a digest naming the panel")
    func demo() throws {
        defer { cli.cleanUp() }
        let first = try cli.ok("demo")
        let second = try cli.ok("demo")
        #expect(first.contains("smart-city-plan-4"))
        #expect(first.contains("  madang items smart-city-plan-4\n"), "the default database needs no --db")
        let elsewhere = try cli.ok("demo", "--db", cli.folder.appendingPathComponent("other db.sqlite").path)
        #expect(elsewhere.contains("  madang items smart-city-plan-4 --db '\(cli.folder.path)/other db.sqlite'"))
        let path = cli.folder.appendingPathComponent("madang-demo/smart-city-plan-4.md").path
        #expect(second.contains(path))
        for format in ["html", "txt"] {
            #expect(second.contains(cli.folder.appendingPathComponent("madang-demo/smart-city-plan-4.\(format)").path))
        }
        let digest = try String(contentsOfFile: path, encoding: .utf8)
        #expect(digest.contains("Chaired by **Kim Gap-seong**"))
        for name in ["Nam Gwang-woo", "Kim Tae-hyung", "Park Seong-nam", "Jang Won-seok", "Kwak Jeong-min"] {
            #expect(digest.contains("| \(name) |"))
        }
        let list = try cli.ok("hearing", "list")
        #expect(list.split(separator: "\n").count == 4)
        let items = try #require(try cli.json("items", "smart-city-plan-4", "--json") as? [[String: Any]])
        #expect(items.filter { $0["kind"] as? String == "statement" }.count == 8)
    }
}
