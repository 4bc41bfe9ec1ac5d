import Foundation
import Testing
import MadangCore
@testable import MadangDigest

@Suite("Masking personal data and wrapping text")
struct RedactionTests {
    func masked(_ text: String) -> (String, Redaction) {
        var redaction = Redaction()
        let result = redaction.apply(text)
        return (result, redaction)
    }

    @Test("Phone numbers in Korean, +82, international and North American forms are masked", arguments: [
        "010-1234-5678", "010 1234 5678", "010.1234.5678", "01012345678", "02-123-4567", "031-123-4567",
        "(02) 123-4567", "+82 10-1234-5678", "+82-2-123-4567", "+821012345678", "+1 (555) 123-4567",
        "+44 20 7946 0958", "555-123-4567", "(555) 123-4567", "0212345678",
    ])
    func phones(number: String) {
        let (text, redaction) = masked("연락처: \(number)로 주세요")
        #expect(text == "연락처: \(Redaction.phoneMask)로 주세요")
        #expect(redaction.phones == 1)
        #expect(redaction.total == 1)
    }

    @Test("Dates, years, amounts and ordinary numbers stay", arguments: [
        "2023-01-05", "2023.01.05 14:00", "2023-01-05 14:00", "in 2024 and 2025", "3,000,000원", "1 500 000 won",
        "100 000 000", "version 1.2.3", "room 1203", "12345678", "page 10-12", "ISBN 978-3-16-148410-0x",
    ])
    func notPhones(text: String) {
        let (result, redaction) = masked(text)
        #expect(result == text)
        #expect(redaction.total == 0)
    }

    @Test("Resident registration numbers and e-mail addresses are masked")
    func residentNumbersAndEmails() {
        let (text, redaction) = masked("주민번호 900101-1234567, mail kim.minji+hearing@mail.example.co.kr. Or x@y.org!")
        #expect(text == "주민번호 \(Redaction.residentNumberMask), mail \(Redaction.emailMask). Or \(Redaction.emailMask)!")
        #expect(redaction.residentNumbers == 1)
        #expect(redaction.emails == 2)
        #expect(masked("@mention and a@b and user@localhost").1.total == 0)
    }

    @Test("The labelled set of personal data and look-alikes: recall at least 0.95, no look-alike masked")
    func labelledSet() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/masking-cases.tsv")
        let cases = try MaskingScore.cases(in: try String(contentsOf: file, encoding: .utf8))
        #expect(cases.count > 150)
        let score = MaskingScore(cases)
        #expect(score.recall >= 0.95, "\(score.report)")
        #expect(score.falsePositives.isEmpty, "\(score.report)")
        #expect(Set(cases.map(\.kind)) == ["phone", "rrn", "email", "card", "account", "none"])
    }

    @Test("What is around a masked number stays as written; what is inside it goes whole")
    func normalizedMatching() {
        #expect(masked("번호 ０１０－１２３４－５６７８ 입니다").0 == "번호 \(Redaction.phoneMask) 입니다")
        #expect(masked("번호 010-12\u{200B}34-5678, ＡＢＣ").0 == "번호 \(Redaction.phoneMask), ＡＢＣ")
        #expect(masked("카드 4111-1111-1111-1111 결제").0 == "카드 \(Redaction.cardMask) 결제", "not a phone number and its tail")
        #expect(masked("연락처(010-3333-4444), (0212345678)").0 == "연락처(\(Redaction.phoneMask)), (\(Redaction.phoneMask))")
        #expect(masked("ㅋㅋㅋ 좋아요").0 == "ㅋㅋㅋ 좋아요", "compatibility jamo are not folded in what is printed")
    }

    @Test("Several kinds in one text are each counted")
    func mixed() {
        let (text, redaction) = masked("Call 010-1111-2222 or 02-333-4444, write to a.b@c.kr")
        #expect(text == "Call \(Redaction.phoneMask) or \(Redaction.phoneMask), write to \(Redaction.emailMask)")
        #expect((redaction.phones, redaction.emails, redaction.residentNumbers) == (2, 1, 0))
    }

    @Test("Control characters and bidirectional overrides are removed, line breaks kept")
    func invisible() {
        #expect(masked("a\u{1B}[31mred\u{7}\nb\u{202E}txt\u{2066}").0 == "a[31mred\nbtxt")
    }

    @Test("Long lines wrap at spaces with a hanging indent, Hangul counting two columns")
    func wrapping() {
        let line = "- " + String(repeating: "word ", count: 30)
        let wrapped = TextWrapping.wrap(line, width: 40).split(separator: "\n")
        #expect(wrapped.count > 1)
        #expect(wrapped.dropFirst().allSatisfy { $0.hasPrefix("  word") })
        #expect(wrapped.allSatisfy { $0.count <= 40 })
        let korean = TextWrapping.wrap("12. " + String(repeating: "버스 노선 ", count: 20), width: 30).split(separator: "\n")
        #expect(korean.allSatisfy { TextTable.displayWidth(String($0)) <= 30 })
        #expect(korean.dropFirst().allSatisfy { $0.hasPrefix("    버스") || $0.hasPrefix("    노선") })
        #expect(TextWrapping.wrap("short\n\nlines", width: 10) == "short\n\nlines")
        let unbroken = TextWrapping.wrap(String(repeating: "가", count: 30), width: 20).split(separator: "\n")
        #expect(unbroken.map { TextTable.displayWidth(String($0)) } == [20, 20, 20])
    }
}
