import Foundation
import MadangCore
import MadangStore
import Testing
@testable import MadangDigest

@Suite("Digest")
struct DigestTests {
    let checkout: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The top-level `templates` link to the library's resources, as a user's own folder would be given.
    var templates: URL { checkout.appendingPathComponent("templates") }

    func render(_ format: DigestFormat, _ options: DigestOptions = DigestOptions(), fixture: DigestFixture? = nil) throws -> String {
        let fixture = try fixture ?? DigestFixture()
        let context = try DigestBuilder.context(store: fixture.store, slug: fixture.slug, options: options)
        return try TemplateLibrary(directory: templates).render(context, format: format)
    }

    @Test("The built-in templates are found in the library's resource bundle beside the binary")
    func builtInsFound() throws {
        let found = try TemplateLibrary.builtInDirectory()
        #expect(found.path.contains("Madang_MadangDigest."))
        #expect(!found.path.hasPrefix(templates.path))
        #expect(FileManager.default.fileExists(atPath: found.appendingPathComponent("digest.md.mustache").path))
    }

    @Test("Counts per goal and kind come from the database, other opinions included")
    func counts() throws {
        let fixture = try DigestFixture()
        let context = try DigestBuilder.context(store: fixture.store, slug: fixture.slug)
        #expect(context.counts.statements == 3 && context.counts.comments == 11 && context.counts.proposals == 3)
        let byCode = Dictionary(uniqueKeysWithValues: context.goals.map { ($0.code ?? "", $0) })
        #expect(byCode["T"]?.counts.comments == 6)
        #expect(byCode["T"]?.counts.proposals == 2)
        #expect(byCode["T"]?.counts.statements == 1)
        #expect(byCode["P"]?.counts.comments == 4)
        #expect(byCode["P"]?.counts.proposals == 1)
        #expect(byCode["E"]?.isEmpty == true)
        #expect(context.otherOpinions.counts.comments == 1)
        #expect(context.otherOpinions.counts.statements == 1)
        #expect(byCode["T"]?.summary == "8 public opinions (57.1%): 6 comments, 2 proposals; 1 panel statement")
        #expect(context.charts.byGoal.bars.map(\.value) == [8, 5, 0, 1])
        #expect(byCode["T"]?.proposals.map(\.title) == ["School bus routes", "A bus route along the river"])
        #expect(byCode["T"]?.statements.map(\.speaker) == ["Nam Gwang-woo"])
    }

    @Test("Every format names the chair and every panelist with affiliation, in speaking order")
    func panelInEveryFormat() throws {
        let fixture = try DigestFixture()
        for format in DigestFormat.allCases {
            let output = try render(format, fixture: fixture)
            let kim = try #require(output.range(of: "Kim Gap-seong"), "\(format)")
            let nam = try #require(output.range(of: "Nam Gwang-woo"), "\(format)")
            let park = try #require(output.range(of: "박성남"), "\(format)")
            #expect(kim.lowerBound < nam.lowerBound && nam.lowerBound < park.lowerBound, "\(format)")
            for affiliation in ["Yonsei University", "Kyungsung University", "건축공간연구원"] {
                #expect(output.contains(affiliation), "\(format): \(affiliation)")
            }
        }
        let markdown = try render(.md, fixture: fixture)
        #expect(markdown.contains("Chaired by **Kim Gap-seong** (Yonsei University)"))
        #expect(markdown.contains("| 2 | Nam Gwang-woo | Kyungsung University | panelist |"))
        #expect(markdown.contains("400 in person, 1,200 online"))
    }

    @Test("Quotes are real sentences from the goal's own opinions")
    func quotesComeFromTheGoal() throws {
        let fixture = try DigestFixture()
        let context = try DigestBuilder.context(store: fixture.store, slug: fixture.slug)
        let transport = try #require(context.goals.first { $0.code == "T" })
        #expect((2...5).contains(transport.quotes.count))
        let hearing = try fixture.store.hearing(slug: fixture.slug)
        let bodies = try fixture.store.items(hearingID: hearing.id!, goal: "T").map(\.body)
        for quote in transport.quotes {
            // Masked text aside, each quote is a sentence of one of the goal's opinions.
            let unmasked = quote.text.replacingOccurrences(of: Redaction.phoneMask, with: "")
                .replacingOccurrences(of: Redaction.emailMask, with: "")
            let piece = String(unmasked.prefix(15))
            #expect(bodies.contains { $0.contains(piece) }, "\(quote.text)")
            // A group's proposal is the group's; everyone else is a citizen by number.
            #expect(quote.kind == "proposal" || quote.citizen.hasPrefix("Citizen "), "\(quote.citizen)")
        }
        let parks = try #require(context.goals.first { $0.code == "P" })
        #expect(parks.quotes.allSatisfy { !$0.text.contains("bus") })
    }

    @Test("The sentence nearest the goal's centre is quoted, not the first opinion")
    func quoteIsCentral() {
        func opinion(_ id: Int64, _ body: String) -> DigestRecords.Opinion {
            DigestRecords.Opinion(id: id, kind: .comment, title: nil, body: body, author: nil, group: nil, supporters: nil, citizenNumber: Int(id))
        }
        let group = [
            opinion(1, "I think the weather was lovely on the day of the hearing itself."),
            opinion(2, "We need more bus routes to the station every morning."),
            opinion(3, "More bus routes to the station would help commuters."),
            opinion(4, "Bus routes to the station are too few today."),
            opinion(5, "Station bus routes should run later at night."),
        ]
        let other = [opinion(6, "Parks and trees make the city greener for everyone."), opinion(7, "The station is far from the park.")]
        let quotes = RepresentativeQuotes(groups: [group, other]).quotes(group: 0, limit: 2)
        #expect(quotes.count == 2)
        #expect(!quotes.contains { $0.opinion.id == 1 })
        #expect(Set(quotes.map(\.opinion.id)).count == 2)
    }

    @Test("Sentences split at line breaks and sentence ends, in Korean and English")
    func sentences() {
        #expect(RepresentativeQuotes.sentences(in: "하나입니다. 둘!\n셋。넷？ 3.5 stays, e.g.x too?\r\n  last  ")
            == ["하나입니다.", "둘!", "셋。", "넷？", "3.5 stays, e.g.x too?", "last"])
        #expect(RepresentativeQuotes.isOneCharacter("세") && RepresentativeQuotes.isOneCharacter("a"))
        #expect(!RepresentativeQuotes.isOneCharacter("세금") && !RepresentativeQuotes.isOneCharacter("ab"))
        #expect(BarChart.grouped(1_000_000) == "1,000,000" && BarChart.grouped(287) == "287" && BarChart.grouped(0) == "0")
    }

    @Test("A goal with more opinions than the sample size is sampled evenly and repeatably; counts stay exact")
    func sampling() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("madang-sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.create(at: folder.appendingPathComponent("d.sqlite").path, actor: "test")
        let id = try store.addHearing(Hearing(slug: "big", title: "Big")).id!
        _ = try store.addItems((1...2_000).map { .comment(hearingID: id, body: "Comment \($0) about the bus and the station.") })
        _ = try store.replaceGoals(hearingID: id, goals: [PolicyGoal(code: "T", name: "Transport", terms: [GoalTerm("bus")])])
        try store.retag(hearingID: id) { items in
            items.map { $0.id! % 4 == 0 ? [] : [Tag(itemID: $0.id!, goalCode: "T", source: .rule, score: 1)] }
        }
        let records = try store.digestRecords(hearingID: id, sampleSize: 300)
        let goal = try #require(records.goals.first)
        #expect(goal.counts[.comment] == 1_500)
        #expect(records.uncategorized.counts[.comment] == 500)
        #expect(!goal.sampleIsComplete)
        #expect((200...400).contains(goal.sample.count))
        #expect(Set(goal.sample.map(\.id)).count == goal.sample.count)
        #expect(goal.sample.allSatisfy { $0.id % 4 != 0 })
        // Spread over the whole range, not the first ones.
        #expect((goal.sample.map(\.id).max() ?? 0) > 1_800 && (goal.sample.map(\.id).min() ?? 0) < 200)
        #expect(goal.sample.allSatisfy { $0.citizenNumber == Int($0.id) })
        #expect(try store.digestRecords(hearingID: id, sampleSize: 300).goals[0].sample.map(\.id) == goal.sample.map(\.id))
        #expect(!records.uncategorized.sampleIsComplete && records.uncategorized.sample.allSatisfy { $0.id % 4 == 0 })
    }

    @Test("Personal data is masked in every format and counted in the footer")
    func personalDataMasked() throws {
        let fixture = try DigestFixture()
        for format in DigestFormat.allCases {
            let output = try render(format, DigestOptions(quotesPerGoal: 5, proposalsPerGoal: 5), fixture: fixture)
            for secret in [DigestFixture.email, DigestFixture.residentNumber] + DigestFixture.phones {
                #expect(!output.contains(secret), "\(format) prints \(secret)")
            }
            for name in ["Lee Min-ji", "Park Jun", "김민수", "오세훈", "Mallory"] {
                #expect(!output.contains(name), "\(format) prints \(name)")
            }
        }
        let context = try DigestBuilder.context(store: fixture.store, slug: fixture.slug)
        // Proposals are printed whole: the river proposal's phone number is among them.
        #expect(context.masking.phones >= 1)
        #expect(context.masking.summary.contains("phone number"))
        let markdown = try render(.md, fixture: fixture)
        #expect(markdown.contains("Personal data masked in the text: \(context.masking.summary)."))
        #expect(markdown.contains(Redaction.phoneMask.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")))
    }

    @Test("Hostile text stays inert: escaped in HTML, Markdown syntax escaped, no scripts or external assets")
    func hostileTextIsInert() throws {
        let fixture = try DigestFixture()
        let options = DigestOptions(quotesPerGoal: 5, sampleSize: 100)
        let context = try DigestBuilder.context(store: fixture.store, slug: fixture.slug, options: options)
        let quoted = context.goals.flatMap(\.quotes).map(\.text).joined(separator: "\n")
        // The hostile comments are among the transport quotes only if chosen; check what is printed either way.
        let html = try render(.html, options, fixture: fixture)
        #expect(!html.contains("<script"))
        #expect(!html.lowercased().contains("src=\"http"))
        #expect(!html.contains("href=\"http"))
        #expect(!html.contains("<link"))
        if quoted.contains("<script>") { #expect(html.contains("&lt;script&gt;")) }
        let markdown = try render(.md, options, fixture: fixture)
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("[click](http"))
        #expect(!markdown.contains("\n# Heading"))
    }

    @Test("Markdown escaping stops block syntax at the start of a value and keeps line breaks inside the item")
    func escapingRules() {
        #expect(MarkdownEscaping.escape(#"a*b*_c_ `x` |t| ~s~ \"#) == #"a\*b\*\_c\_ \`x\` \|t\| \~s\~ \\"#)
        #expect(MarkdownEscaping.escape("1. first") == #"1\. first"#)
        #expect(MarkdownEscaping.escape("price 3.5 - fine") == "price 3.5 - fine")
        #expect(MarkdownEscaping.escape("<script>x</script> [a](b)") == #"&lt;script&gt;x&lt;/script&gt; \[a\](b)"#)
        #expect(MarkdownEscaping.escape("# Heading\n# two") == ##"\# Heading # two"##)
        // Bare addresses, which renderers make links of, are broken by an escape.
        #expect(MarkdownEscaping.escape("see https://evil.example/x and WWW.evil.example") == #"see https\://evil.example/x and WWW\.evil.example"#)
        #expect(MarkdownEscaping.escape("ratio 3:2, time 14:30") == "ratio 3:2, time 14:30")
    }

    @Test("A template nesting sections thousands deep, even unclosed, is refused with its place, not run")
    func deepTemplate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("madang-deep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let deep = folder.appendingPathComponent("deep.md.mustache")
        try ("Title\n" + String(repeating: "{{#goals}}", count: 20_000)).write(to: deep, atomically: true, encoding: .utf8)
        #expect(throws: TemplateError.syntax(file: deep.path, line: 2, column: 1 + 10 * 64, message: "sections nested more than 64 deep")) {
            try TemplateLibrary.parse(deep)
        }
        // So is one with tens of thousands of tags, which the parser would take minutes over.
        let long = folder.appendingPathComponent("long.md.mustache")
        try String(repeating: "{{hearing.title}}", count: 50_000).write(to: long, atomically: true, encoding: .utf8)
        #expect(throws: TemplateError.syntax(file: long.path, line: 1, column: 1 + 17 * 5_000,
                                             message: "more than 5000 tags; split the template into partials")) {
            try TemplateLibrary.parse(long)
        }
        // Ordinary nesting, triple mustaches and changed delimiters read as they should.
        let fine = folder.appendingPathComponent("fine.md.mustache")
        try "{{#goals}}{{{name}}}{{=<% %>=}}<%#quotes%><%text%><%/quotes%><%={{ }}=%>{{/goals}}".write(to: fine, atomically: true, encoding: .utf8)
        #expect(throws: Never.self) { try TemplateLibrary.parse(fine) }
    }

    @Test("Partials that include each other are refused with the place of the include that closes the circle")
    func partialCycle() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("madang-cycle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("partials"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{> partials/a}}".write(to: folder.appendingPathComponent("digest.md.mustache"), atomically: true, encoding: .utf8)
        try "A {{> partials/b}}".write(to: folder.appendingPathComponent("partials/a.mustache"), atomically: true, encoding: .utf8)
        try "B\n  {{> partials/a}}".write(to: folder.appendingPathComponent("partials/b.mustache"), atomically: true, encoding: .utf8)
        do {
            _ = try TemplateLibrary(directory: folder)
            Issue.record("a cycle of partials was accepted")
        } catch let error as TemplateError {
            guard case .syntax(let file, let line, let column, let message) = error else { throw error }
            #expect(file.hasSuffix("partials/b.mustache") && line == 2 && column == 3)
            #expect(message.contains("partials/a"))
        }
    }

    @Test("Names given with --show-names are masked where they hold contact details")
    func namesMasked() throws {
        let fixture = try DigestFixture()
        let hearing = try fixture.store.addHearing(Hearing(slug: "one-comment", title: "One comment"))
        for body in ["Bus routes should reach the new towns.", "Buses every ten minutes, please.", "More night buses for workers."] {
            _ = try fixture.store.addItem(.comment(
                hearingID: hearing.id ?? 0, body: body, author: "홍길동 010-9876-5432 hong@example.org 900101-1234567"))
        }
        let options = DigestOptions(citizens: .names)
        let context = try DigestBuilder.context(store: fixture.store, slug: "one-comment", options: options)
        let labels = context.otherOpinions.quotes.map(\.citizen)
        #expect(!labels.isEmpty && labels.allSatisfy { $0.hasPrefix("홍길동") }, "\(labels)")
        #expect(context.masking.total >= 3)
        let library = try TemplateLibrary(directory: templates)
        for format in [DigestFormat.md, .txt, .html] {
            let text = try library.render(context, format: format)
            for secret in ["010-9876-5432", "hong@example.org", "900101-1234567"] { #expect(!text.contains(secret), "\(format)") }
        }
    }

    @Test("The HTML digest is one standalone printable page with SVG charts carrying their numbers")
    func htmlDigest() throws {
        let html = try render(.html)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("@page { size: A4"))
        // Korean lines break between words, never inside one; a long address still wraps.
        #expect(html.contains("word-break: keep-all") && html.contains("overflow-wrap: anywhere"))
        #expect(html.contains("break-before: page"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 2)
        #expect(html.contains(">8 · 57.1%</text>"))
        #expect(html.contains("Parks &amp; green"))
    }

    @Test("The text digest is wrapped at 78 columns and carries the figures as an aligned table")
    func textDigest() throws {
        let text = try render(.txt)
        for line in text.split(separator: "\n") {
            #expect(TextTable.displayWidth(String(line)) <= TextWrapping.defaultWidth, "\(line)")
        }
        #expect(text.contains("Public opinions by goal  Items  Share"))
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("T · Transport ") })
        #expect(row.hasSuffix(" 8  57.1%  ####################"))
        #expect(text.contains("P · Parks & green"))
        #expect(!text.contains("&amp;"))
        #expect(text.contains("Parks & green"))
    }

    @Test("Citizens by number by default, by initials or by name only when asked")
    func citizenLabels() throws {
        let fixture = try DigestFixture()
        let numbers = try DigestBuilder.context(store: fixture.store, slug: fixture.slug)
        let quotes = numbers.goals.flatMap(\.quotes)
        #expect(!quotes.isEmpty && quotes.filter { $0.kind != "proposal" }.allSatisfy { $0.citizen.hasPrefix("Citizen ") })
        let initials = try DigestBuilder.context(store: fixture.store, slug: fixture.slug, options: DigestOptions(citizens: .initials))
        #expect(initials.goals.flatMap(\.quotes).allSatisfy { !$0.citizen.contains("Lee Min-ji") && !$0.citizen.contains("김민수") })
        #expect(initials.citizens == "initials")
        #expect(DigestOptions.initials(of: "김민수") == "김○○")
        #expect(DigestOptions.initials(of: "Lee Min-ji") == "L. M.")
        #expect(DigestOptions.initials(of: "  ") == nil)
        let options = DigestOptions(citizens: .names)
        #expect(options.label(number: 3, author: "Lee Min-ji") == "Lee Min-ji")
        #expect(options.label(number: 3, author: nil) == "Citizen 3")
        #expect(DigestOptions().label(number: 3, author: "Lee Min-ji") == "Citizen 3")
    }

    @Test("A broken template is reported with file, line and column")
    func brokenTemplate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("madang-tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.md.mustache")
        try "# Title\n\n{{#panel}}\n{{name}}\n{{/comments}}\n".write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try TemplateLibrary(directory: folder)
            Issue.record("a broken template was accepted")
        } catch let error as TemplateError {
            guard case .syntax(let path, let line, _, let message) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(path == file.path)
            #expect(line == 5)
            #expect(message.contains("does not match"))
            #expect(error.description.hasPrefix("\(file.path):5:"))
        }
    }

    @Test("README documents every field a template receives")
    func readmeDocumentsContext() throws {
        let readme = try String(contentsOf: checkout.appendingPathComponent("README.md"), encoding: .utf8)
        let fixture = try DigestFixture()
        let context = try DigestBuilder.context(store: fixture.store, slug: fixture.slug)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(context))
        var keys: Set<String> = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                for (key, child) in object {
                    keys.insert(key)
                    collect(child)
                }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(json)
        #expect(keys.count > 40)
        for key in keys.sorted() {
            #expect(readme.contains("`\(key)`"), "README does not document the context field \(key)")
        }
    }
}
