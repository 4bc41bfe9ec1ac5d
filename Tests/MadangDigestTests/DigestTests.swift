import Foundation
import MadangCore
import Testing
@testable import MadangDigest

@Suite("Markdown digest")
struct DigestTests {
    let templates: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates")

    func sample() throws -> DigestContext {
        let hearing = Hearing(
            id: 1, slug: "plan-4", title: "4th Smart City Plan", kind: .publicHearing,
            startsAt: try LocalDateTime(parsing: "2023-01-05 14:00"), venue: "KRIHS", organizers: ["MOLIT", "KRIHS"],
            attendanceInPerson: 400)
        let chair = Participant(id: 10, hearingID: 1, name: "Kim Gap-seong", affiliation: "Yonsei University", role: .chair, position: 1)
        let nam = Participant(id: 11, hearingID: 1, name: "Nam Gwang-woo", affiliation: "Kyungsung University", role: .panelist, position: 2)
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        var items = [
            Item(hearingID: 1, kind: .statement, body: "Data hubs need standards.", speakerID: 11, speaker: nam.name, speakingOrder: 1),
            Item(hearingID: 1, kind: .statement, body: "Thank you.", speakerID: 10, speaker: chair.name, speakingOrder: 2),
            Item.comment(hearingID: 1, body: "<script>alert(1)</script> [click](http://evil.example) # Heading", author: "Lee Min-ji",
                         contact: Contact(email: "minji@example.org"), receivedAt: t0),
            Item.comment(hearingID: 1, body: "버스가 부족합니다", author: "Park", receivedAt: t0.addingTimeInterval(60)),
            Item.proposal(hearingID: 1, group: "Small group", title: "Few", body: "b", supporters: 3),
            Item.proposal(hearingID: 1, group: "Big group", title: "Many", body: "a", supporters: 300),
        ]
        items.swapAt(2, 3)
        return DigestBuilder.context(hearing: hearing, panel: Panel([nam, chair]), items: items, now: t0)
    }

    @Test("The built-in templates are found from the source checkout")
    func builtInsFound() throws {
        let found = try TemplateLibrary.builtInDirectory()
        #expect(FileManager.default.fileExists(atPath: found.appendingPathComponent("digest.md.mustache").path))
    }

    @Test("The digest names the chair, lists the panel in order and the statements in speaking order")
    func panelInOrder() throws {
        let output = try TemplateLibrary(directory: templates).render(try sample(), template: "digest.md")
        #expect(output.hasPrefix("# 4th Smart City Plan"))
        #expect(output.contains("Chaired by **Kim Gap-seong** (Yonsei University)"))
        let kim = try #require(output.range(of: "| 1 | Kim Gap-seong | Yonsei University | chair |"))
        let nam = try #require(output.range(of: "| 2 | Nam Gwang-woo | Kyungsung University | panelist |"))
        #expect(kim.lowerBound < nam.lowerBound)
        #expect(output.contains("1. **Nam Gwang-woo**: Data hubs need standards.\n2. **Kim Gap-seong**: Thank you."))
        #expect(output.contains("400 in person"))
    }

    @Test("Citizens appear by number in arrival order, without names or contact details")
    func citizensAnonymous() throws {
        let output = try TemplateLibrary(directory: templates).render(try sample(), template: "digest.md")
        #expect(!output.contains("Lee Min-ji"))
        #expect(!output.contains("minji@example.org"))
        #expect(!output.contains("Park"))
        let first = try #require(output.range(of: "**Citizen 1**"))
        let second = try #require(output.range(of: "**Citizen 2**: 버스가 부족합니다"))
        #expect(first.lowerBound < second.lowerBound)
    }

    @Test("Proposals are ranked by supporters")
    func proposalsRanked() throws {
        let output = try TemplateLibrary(directory: templates).render(try sample(), template: "digest.md")
        #expect(output.contains("1. **Many** — Big group, 300 supporters"))
        #expect(output.contains("2. **Few** — Small group, 3 supporters"))
    }

    @Test("A citizen's Markdown and HTML print as text")
    func hostileTextIsInert() throws {
        let output = try TemplateLibrary(directory: templates).render(try sample(), template: "digest.md")
        #expect(!output.contains("<script>"))
        #expect(!output.contains("[click](http"))
        #expect(output.contains(#"&lt;script&gt;alert(1)&lt;/script&gt; \[click\](http://evil.example) # Heading"#))
    }

    @Test("Escaping stops block syntax at the start of a value and keeps line breaks inside the item")
    func escapingRules() {
        #expect(MarkdownEscaping.escape(#"a*b*_c_ `x` |t| ~s~ \"#) == #"a\*b\*\_c\_ \`x\` \|t\| \~s\~ \\"#)
        #expect(MarkdownEscaping.escape("1. first") == #"1\. first"#)
        #expect(MarkdownEscaping.escape("price 3.5 - fine") == "price 3.5 - fine")
        #expect(MarkdownEscaping.escape("a*b*_c_ `x` |t| ~s~ \\") == #"a\*b\*\_c\_ \`x\` \|t\| \~s\~ \\"#)
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
}
