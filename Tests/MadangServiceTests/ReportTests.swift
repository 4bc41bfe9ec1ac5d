import Foundation
import MadangCore
import MadangService
import Testing

@Suite("The result report and the notices")
struct ReportTests {
    /// A Korean hearing with Korean goals, three opinions (one a group's proposal) and
    /// responses: two published, one a draft.
    static func koreanHearing() async throws -> TemporaryWorkspace {
        let temporary = try await TemporaryWorkspace()
        let workspace = temporary.workspace
        _ = try await workspace.addHearing(Hearing(
            slug: "k", title: "제4차 스마트도시 종합계획 공청회", startsAt: try LocalDateTime(parsing: "2024-01-05 14:00"),
            venue: "세종 국토연구원 대강당", organizers: ["국토교통부"], attendanceInPerson: 400, language: .ko, timeZone: "Asia/Seoul"))
        let file = temporary.folder.appendingPathComponent("goals.yaml")
        try "goals:\n  - id: G1\n    name: 데이터 개방\n    terms: [데이터]\n  - id: G2\n    name: 대중교통\n    terms: [버스]\n"
            .write(to: file, atomically: true, encoding: .utf8)
        _ = try await workspace.loadGoals(into: "k", from: file.path)
        let a = try #require(try await workspace.addComment(
            to: "k", text: "데이터허브를 시민에게 개방해 주세요. 연락처 010-1234-5678", author: "홍길동",
            contact: Contact(email: "hong@example.org")).id)
        let b = try #require(try await workspace.addComment(to: "k", text: "버스 노선을 늘려 주세요", author: "김영희").id)
        let c = try #require(try await workspace.addProposal(
            to: "k", text: "마을버스 정보를 데이터허브에 올려 주세요", group: "광주 시민참여단", title: "버스 정보 공개").id)
        _ = try await workspace.respond("k", to: OpinionSelection(items: [a]), ResponseChange(
            state: "반영", text: "개방 계획에 반영하겠습니다", department: "도시정책과", publish: true))
        _ = try await workspace.respond("k", to: OpinionSelection(items: [b]), ResponseChange(
            state: "미반영", text: "노선 개편은 지자체 소관입니다", reason: "관계 법령상 지자체 권한입니다", publish: true))
        _ = try await workspace.respond("k", to: OpinionSelection(items: [c]), ResponseChange(state: "추후검토"))
        return temporary
    }

    /// What a reader sees: the text of a document without its markup.
    static func visible(_ document: String) -> String {
        var text = document
        for pattern in ["<style[^>]*>[\\s\\S]*?</style>", "<head>[\\s\\S]*?</head>", "<[^>]+>", "&[a-z]+;"] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return text
    }

    @Test("The Korean report holds no English word of ours, in every format", arguments: [DigestFormat.md, .html, .txt])
    func noEnglish(format: DigestFormat) async throws {
        let temporary = try await ReportTests.koreanHearing()
        defer { temporary.remove() }
        let report = try await temporary.workspace.report("k", DocumentRequest(format: format))
        let words = ReportTests.visible(report).matches(of: /[A-Za-z]{2,}/).map { String($0.output) }
        #expect(words.isEmpty, "English in the Korean report: \(Set(words).sorted())")
        #expect(report.contains("2024년 1월 5일(금) 오후 2시"))
        #expect(report.contains("의견 반영 여부"))
        #expect(report.contains("광주 시민참여단"), "a group's proposal is under the group's name")
        #expect(report.contains("시민 1") && !report.contains("홍길동"), "citizens by number, never by name")
        #expect(report.contains("전화번호 삭제") && !report.contains("010-1234-5678"))
        #expect(report.contains("관계 법령상 지자체 권한입니다"))
        #expect(report.contains("답변 준비 중"), "the draft is not published, so the proposal reads as unanswered")
        #expect(!report.contains("추후검토 (초안)"))
    }

    @Test("The Korean digest holds no English word of ours, in every format", arguments: [DigestFormat.md, .html, .txt])
    func koreanDigest(format: DigestFormat) async throws {
        let temporary = try await ReportTests.koreanHearing()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        _ = try await workspace.addParticipant(to: "k", name: "김철수", affiliation: "연세대학교", role: .chair)
        _ = try await workspace.addStatement(to: "k", speaker: "1", text: "데이터허브 표준을 먼저 정해야 합니다.")
        let digest = try await workspace.digest("k", DigestRequest(format: format))
        let words = ReportTests.visible(digest).matches(of: /[A-Za-z]{2,}/).map { String($0.output) }
        #expect(words.isEmpty, "English in the Korean digest: \(Set(words).sorted())")
        #expect(digest.contains("2024년 1월 5일(금) 오후 2시") && digest.contains("좌장"))
        #expect(digest.contains("광주 시민참여단"), "a group's proposal is quoted under the group's name")
        #expect(!digest.contains("시민 3"), "the group's proposal is not credited to a citizen")
        let english = try await workspace.digest("k", DigestRequest(format: format, language: .en))
        #expect(english.contains("Friday 5 January 2024, 2 pm"))
    }

    @Test("A short opinion is quoted whole; a quote that would be mostly a masked number is not made")
    func quotesInContext() async throws {
        let temporary = try await CorrectionTests.withGoals()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        _ = try await workspace.addComment(to: "h", text: "More bus lines at night. The last one leaves at ten.")
        _ = try await workspace.addComment(to: "h", text: "bus 010-1234-5678")
        let context = try await workspace.digestContext("h")
        let quotes = try #require(context.goals.first { $0.code == "T" }).quotes.map(\.text)
        #expect(quotes == ["More bus lines at night. The last one leaves at ten."])
    }

    @Test("--drafts includes drafts, marked; English on request, dates in the hearing's zone")
    func draftsAndEnglish() async throws {
        let temporary = try await ReportTests.koreanHearing()
        defer { temporary.remove() }
        let drafted = try await temporary.workspace.report("k", DocumentRequest(format: .md, drafts: true))
        #expect(drafted.contains("추후검토 (초안)"))
        let english = try await temporary.workspace.report("k", DocumentRequest(format: .md, language: .en))
        #expect(english.contains("Friday 5 January 2024, 2 pm"))
        #expect(english.contains("Whether each opinion is reflected") && english.contains("Citizen 1"))
        let context = try await temporary.workspace.reportContext("k", DocumentRequest(drafts: true))
        #expect(context.states.map(\.code).prefix(3) == ["accepted", "partly-accepted", "not-accepted"])
        #expect(context.rows.map(\.state) == ["accepted", "not-accepted", "later-review"])
        #expect(context.counts.answered == 3 && context.counts.unanswered == 0)
    }

    @Test("Notices reach the commenters who left contact details, with their own words and the published responses")
    func notices() async throws {
        let temporary = try await ReportTests.koreanHearing()
        defer { temporary.remove() }
        let html = try await temporary.workspace.notices("k", format: .html)
        let page = String(decoding: html.bytes, as: UTF8.self)
        #expect(html.commenters == 1 && html.unreachable == 2)
        #expect(page.contains("홍길동 님께") && page.contains("hong@example.org"))
        #expect(page.contains("개방 계획에 반영하겠습니다"))
        let csv = try await temporary.workspace.notices("k", format: .csv)
        #expect(Array(csv.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: csv.bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("이름,이메일,전화번호,번호,의견,처리 결과,답변,사유\r\n홍길동,hong@example.org,"))
    }
}
