import Foundation
import MadangCategorizer
import MadangCore
import MadangDigest
import MadangStore
import Testing
@testable import MadangDemo

@Suite("Demo")
struct DemoTests {
    @Test("The demo rebuilds its hearings on every run and leaves other hearings alone")
    func rebuilds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("madang-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.create(at: folder.appendingPathComponent("d.sqlite").path, actor: "test")
        let mine = try store.addHearing(Hearing(slug: "my-hearing", title: "Mine"))
        _ = try store.addItem(.comment(hearingID: mine.id!, body: "keep me"))
        let templates = try TemplateLibrary.builtIn()

        let first = try Demo.run(store: store, templates: templates, outputDirectory: folder)
        let second = try Demo.run(store: store, templates: templates, outputDirectory: folder)
        #expect(first.itemCounts == second.itemCounts)
        #expect(try store.hearings().count == 4)
        #expect(try store.items(hearingID: mine.id!).map(\.body) == ["keep me"])

        let plan = try store.hearing(slug: "smart-city-plan-4")
        #expect(plan.attendanceInPerson == 400)
        let panel = try store.panel(hearingID: plan.id!)
        #expect(panel.chair?.name == "Kim Gap-seong")
        #expect(panel.participants.filter { $0.role == .panelist }.map(\.name)
            == ["Nam Gwang-woo", "Kim Tae-hyung", "Park Seong-nam", "Jang Won-seok", "Kwak Jeong-min"])
        let statements = try store.items(hearingID: plan.id!, kind: .statement)
        #expect(statements.map(\.speakingOrder) == Array(1...statements.count).map(Optional.some))
        #expect(try store.search(hearingID: plan.id!, query: "데이터허브").count == 1)

        let gwangju = try store.hearing(slug: "gwangju-citizen-group")
        let proposals = try store.items(hearingID: gwangju.id!, kind: .proposal)
        #expect(proposals.count == 4)
        #expect(second.digests.map(\.lastPathComponent) == [
            "smart-city-plan-4.md", "smart-city-plan-4.html", "smart-city-plan-4.txt", "smart-city-plan-4.ko.html",
            "smart-city-plan-4.report.ko.html",
        ])
        for file in second.digests { #expect(FileManager.default.fileExists(atPath: file.path)) }
        let html = try String(contentsOf: second.digests[1], encoding: .utf8)
        #expect(html.contains("<svg"))
        #expect(html.contains("G2 · An innovative space"))
        // The demo's comments carry contact details; the digest shows them masked and counts them.
        for file in second.digests {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!text.contains("010-2345-6789") && !text.contains("startup.kim@example.kr") && !text.contains("031-555-0142"))
        }
        #expect(html.contains(Redaction.phoneMask))
        #expect(html.contains("Personal data masked in the text: 1 e-mail address"))
        // Five comments are answered, and the Korean report carries the decisions and a reason.
        let register = try store.responseRegister(hearingID: plan.id!)
        #expect(register.rows.compactMap(\.response).count == 5)
        #expect(register.rows.compactMap(\.response).allSatisfy { $0.isPublished })
        let report = try String(contentsOf: second.digests[4], encoding: .utf8)
        #expect(report.contains("의견 반영 여부") && report.contains("미반영") && report.contains("규제 샌드박스"))
        let korean = try String(contentsOf: second.digests[3], encoding: .utf8)
        #expect(korean.contains("<html lang=\"ko\">") && korean.contains("정책목표별 의견") && korean.contains("[전화번호 삭제]"))
        // The plan hearing is filed under its goals: a goal's counts appear in the digest.
        let goals = try store.goals(hearingID: plan.id!)
        #expect(goals.map(\.code) == ["G1", "G1.1", "G1.2", "G2", "G3"])
        #expect(try !store.items(hearingID: plan.id!, goal: "G3").isEmpty)
    }

    @Test("The demo's taxonomy is the one examples/smart-city-plan-4.goals.yaml writes")
    func taxonomyMatchesExample() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/smart-city-plan-4.goals.yaml")
        #expect(try TaxonomyFile.load(path: example.path) == DemoData.smartCityGoals)
    }

    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seeds")

    static func words(_ text: String) -> [Substring] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }

    @Test("The sample text is not the seeds' sentences pasted in",
          .enabled(if: FileManager.default.fileExists(atPath: seeds.path), "../shared/seeds is absent"))
    func ownWords() throws {
        let files = try FileManager.default.contentsOfDirectory(at: DemoTests.seeds, includingPropertiesForKeys: nil)
        #expect(files.count == 5)
        let seedWords = " " + DemoTests.words(try files.map { try String(contentsOf: $0, encoding: .utf8) }
            .joined(separator: "\n")).joined(separator: " ") + " "
        let samples = DemoData.hearings.flatMap { demo in
            demo.remarks.map(\.text) + demo.comments.map(\.text) + demo.proposals.map(\.text)
        }
        // No run of eight words in a row from a seed appears in the sample text.
        let length = 8
        for sample in samples {
            let words = DemoTests.words(sample)
            guard words.count >= length else { continue }
            for start in 0...(words.count - length) {
                let run = " " + words[start..<start + length].joined(separator: " ") + " "
                #expect(!seedWords.contains(run), "copied from a seed:\(run)")
            }
        }
    }
}
