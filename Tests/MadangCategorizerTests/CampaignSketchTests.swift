import Foundation
import Testing
@testable import MadangCategorizer

@Suite("Campaign sketches: a text in a few hundred bytes")
struct CampaignSketchTests {
    /// Real sentences nobody here wrote: US bill titles from the shared policy-topic data.
    static func billTitles() throws -> [String]? {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/testdata/policy-topics/cap_us_congress_bills_sample.csv").standardized.path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        // The title is the fifth field; titles hold commas inside quotes, so take the quoted or bare field.
        return text.components(separatedBy: .newlines).dropFirst().compactMap { line -> String? in
            let fields = line.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5 else { return nil }
            let rest = fields[4]
            guard let end = rest.hasPrefix("\"") ? rest.dropFirst().firstIndex(of: "\"") : rest.firstIndex(of: ",") else { return nil }
            return String(rest[rest.index(after: rest.startIndex)..<end])
        }.filter { $0.count > 80 }
    }

    @Test("The signatures' agreement estimates the Jaccard similarity of real texts' 4-grams")
    func estimate() throws {
        guard let titles = try CampaignSketchTests.billTitles() else {
            print("Skipped: ../shared/testdata is absent.")
            return
        }
        // Pairs with every level of overlap: a text and itself with part of another appended.
        var errors: [Double] = []
        for index in stride(from: 0, to: min(titles.count - 1, 400), by: 2) {
            let (a, b) = (titles[index], titles[index + 1])
            let cut = b.index(b.startIndex, offsetBy: (index / 2) % b.count)
            let (x, y) = (a, a + " " + b[..<cut])
            let (gx, gy) = (Set(CampaignSketch.grams(x)), Set(CampaignSketch.grams(y)))
            let exact = Double(gx.intersection(gy).count) / Double(gx.union(gy).count)
            errors.append(abs(CampaignSketch(x).resemblance(CampaignSketch(y)) - exact))
        }
        let mean = errors.reduce(0, +) / Double(errors.count)
        #expect(errors.count >= 100)
        #expect(mean < 0.06, "mean absolute error \(mean)")
        #expect(errors.filter { $0 > 0.2 }.count <= errors.count / 50, "\(errors.sorted().suffix(5))")
    }

    @Test("Exact copies share one key whatever their case, spacing, punctuation or signature; other texts do not")
    func keys() {
        let letter = "소각장 건립 계획을 전면 재검토해 주십시오.\n주민 공청회를 한 번 더 열어 주시기 바랍니다."
        let copies = [letter, letter.replacingOccurrences(of: " ", with: ""), letter + "\n\n홍길동 드림", letter + " 김철수 올림",
                      "  " + letter.replacingOccurrences(of: ".", with: "!") + "\n감사합니다.\n"]
        #expect(Set(copies.map { CampaignSketch($0).key }).count == 1)
        #expect(CampaignSketch(letter + " 한 문장 더.").key != CampaignSketch(letter).key)
        let english = "Please REOPEN the hearing.\n\nSincerely,\nJane Doe"
        #expect(CampaignSketch(english).key == CampaignSketch("please reopen the hearing").key)
        // Full-width letters and digits (typed on a Korean keyboard), a mathematical letter, a no-break space.
        #expect(CampaignSketch("ＰＬＡＮ ２０２６, 𝐨k").key == CampaignSketch("plan\u{00A0}2026 ok").key)
        #expect(CampaignSketch("ＰＬＡＮ ２０２６").key != CampaignSketch("plan 2025").key)
        #expect(CampaignSketch("").grams == 0 && CampaignSketch("").bandKeys.isEmpty)
    }

    @Test("Identical short opinions are one campaign; different ones are not")
    func shortCopies() {
        let texts = ["반대합니다", "반대합니다!", "찬성합니다", "반대 합니다"].enumerated().map {
            CampaignFinder.Text(id: Int64($0.offset + 1), text: $0.element)
        }
        #expect(CampaignFinder().groups(texts) == [[1, 2, 4]])
        #expect(CampaignFinder().groups([]).isEmpty, "a hearing with no public opinion has no campaign")
        #expect(CampaignFinder().groups([CampaignFinder.Text(id: 1, text: "반대합니다")]).isEmpty)
    }
}
