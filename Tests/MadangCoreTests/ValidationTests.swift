import Foundation
import Testing
@testable import MadangCore

@Suite("Validation")
struct ValidationTests {
    @Test("Dates and times are read in the forms people type", arguments: [
        ("2024-01-05", "2024-01-05"), ("2024-01-05 14:00", "2024-01-05 14:00"),
        ("2024-01-05T9:05", "2024-01-05 09:05"), (" 2024-02-29 ", "2024-02-29"),
    ])
    func datesParse(input: String, expected: String) throws {
        #expect(try LocalDateTime(parsing: input).description == expected)
    }

    @Test("Impossible dates are refused", arguments: [
        "2023-02-29", "2024-13-01", "2024-01-32", "2024-1-5", "05/01/2024", "2024-01-05 24:00", "2024-01-05 12:60", "",
    ])
    func datesRefused(input: String) {
        #expect(throws: ValidationError.invalidDate(input)) { try LocalDateTime(parsing: input) }
    }

    @Test("Slugs are lowercase letters, digits and inner hyphens")
    func slugs() throws {
        #expect(try Hearing.validSlug("smart-city-plan-4") == "smart-city-plan-4")
        for bad in ["", "Plan", "plan 4", "-plan", "plan-", "계획", String(repeating: "a", count: 65)] {
            #expect(throws: ValidationError.invalidSlug(bad)) { try Hearing.validSlug(bad) }
        }
    }

    @Test("Text is stored in NFC with Unix line breaks and without outer space")
    func normalization() {
        let decomposed = "교통".decomposedStringWithCanonicalMapping
        #expect(Text.normalized("  \(decomposed)\r\nline\rend \n") == "교통\nline\nend")
        #expect(Text.normalized("교통").unicodeScalars.count == 2)
        #expect(Text.optional("   ") == nil)
    }

    @Test("Control characters and terminal escapes never reach stored text; tabs and line breaks stay", arguments: [
        ("hello\0 world", "hello world"),
        ("\0starts with NUL", "starts with NUL"),
        ("See \u{1B}[2Jcleared", "See cleared"),
        ("title \u{1B}]0;pwned\u{07}after", "title after"),
        ("a \u{1B}]8;;https://x.example\u{1B}\\link\u{1B}]8;;\u{1B}\\ b", "a link b"),
        ("체계\u{1B}[D\u{1B}[D를", "체계를"),
        ("bell\u{07} del\u{7F} c1\u{85}\u{9B}31m end", "bell del c1 end"),
        ("tab\there\r\nline", "tab\there\nline"),
    ])
    func controls(_ given: String, _ stored: String) {
        var removed = false
        #expect(Text.normalized(given, removedControls: &removed) == stored)
        // Line breaks are normalized, not removed: they are no control to report.
        #expect(removed == !given.hasPrefix("tab"))
    }

    @Test("Text printed on a terminal shows controls and bidirectional overrides as U+FFFD, and nothing else changes")
    func displayable() {
        #expect(Text.displayable("a\u{1B}[2Jb\u{202E}c\u{2066}d\u{0}e") == "a\u{FFFD}[2Jb\u{FFFD}c\u{FFFD}d\u{FFFD}e")
        #expect(Text.displayable("대중교통 — fine, ÷ 100%") == "대중교통 — fine, ÷ 100%")
        var table = TextTable(header: ["TEXT"])
        table.append(["evil\u{1B}]0;title\u{07}line\nnext"])
        #expect(!table.rendered().unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test("Each kind of item takes only its own fields")
    func itemKinds() throws {
        #expect(throws: ValidationError.missing(field: "speaker", kind: .statement)) {
            try Item(hearingID: 1, kind: .statement, body: "x").validated()
        }
        #expect(throws: ValidationError.notAllowed(field: "group", kind: .comment)) {
            try Item(hearingID: 1, kind: .comment, body: "x", group: "g").validated()
        }
        #expect(throws: ValidationError.missing(field: "title", kind: .proposal)) {
            try Item.proposal(hearingID: 1, group: "g", title: " ", body: "x").validated()
        }
        #expect(throws: ValidationError.negative(field: "number of supporters", value: -1)) {
            try Item.proposal(hearingID: 1, group: "g", title: "t", body: "x", supporters: -1).validated()
        }
        #expect(throws: ValidationError.empty(field: "text of the comment")) {
            try Item.comment(hearingID: 1, body: "\n\t").validated()
        }
        let ok = try Item.comment(hearingID: 1, body: " 좋습니다 ", contact: Contact(email: " a@b.kr ")).validated()
        #expect(ok.body == "좋습니다")
        #expect(ok.contact.email == "a@b.kr")
        #expect(throws: ValidationError.invalidEmail("a@b")) {
            try Item.comment(hearingID: 1, body: "x", contact: Contact(email: "a@b")).validated()
        }
    }

    @Test("Roles are read in English and Korean")
    func roles() {
        #expect(ParticipantRole(userText: "Chair") == .chair)
        #expect(ParticipantRole(userText: "좌장") == .chair)
        #expect(ParticipantRole(userText: "토론자") == .panelist)
        #expect(ParticipantRole(userText: "발표자") == .presenter)
        #expect(ParticipantRole(userText: "audience") == nil)
    }

    @Test("Provenance survives its stored form")
    func provenance() {
        for value in [Provenance.typed, .web, .imported(file: "a.csv", line: 12)] {
            var file: String?, line: Int?
            if case .imported(let f, let l) = value { (file, line) = (f, l) }
            #expect(Provenance(source: value.source, file: file, line: line) == value)
        }
        #expect(Provenance(source: "imported", file: nil, line: nil) == nil)
    }
}

@Suite("Text normalization")
struct TextNormalizationTests {
    @Test("The quick NFC check never passes text that NFC would change")
    func quickCheckIsSafe() {
        let samples = [
            "plain ASCII", "Café", "교통이 불편합니다", "大衆交通", "“quoted” — dash…", "ＡＢＣ", "ㅋㅋㅋ",
            "e\u{301}", "교통".decomposedStringWithCanonicalMapping, "\u{F900}", "\u{2126}", "\u{212B}", "\u{1100}\u{1161}",
        ]
        for sample in samples where Text.isSurelyNFC(sample) {
            #expect(sample.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(sample.unicodeScalars), "\(sample)")
        }
        #expect(Text.isSurelyNFC("교통이 불편합니다, Café"))
        #expect(!Text.isSurelyNFC("e\u{301}"))
    }

    @Test("Trimming keeps inner space and returns the text itself when there is nothing to trim")
    func trimming() {
        #expect(Text.trimmed(" \t 가 나 \n") == "가 나")
        #expect(Text.trimmed("   ") == "")
        #expect(Text.trimmed("가") == "가")
        #expect(Text.normalized("\u{3000}전각 공백\u{3000}") == "전각 공백")
    }
}
