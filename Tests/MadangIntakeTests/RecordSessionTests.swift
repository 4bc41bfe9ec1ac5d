import MadangCore
import Testing
@testable import MadangIntake

@Suite("Live entry")
struct RecordSessionTests {
    let panel = Panel([
        Participant(id: 1, hearingID: 1, name: "Kim Gap-seong", affiliation: "Yonsei University", role: .chair, position: 1),
        Participant(id: 2, hearingID: 1, name: "Nam Gwang-woo", affiliation: "Kyungsung University", role: .panelist, position: 2),
        Participant(id: 3, hearingID: 1, name: "Kim Tae-hyung", role: .panelist, position: 3),
        Participant(id: 4, hearingID: 1, name: "박성남", role: .panelist, position: 4),
    ])

    func speaker(_ action: RecordSession.Action) -> String? {
        if case .record(let speaker, _, _) = action { return speaker.name }
        return nil
    }

    @Test("Lines are read as remarks, labels, speaker choices and commands")
    func grammar() {
        #expect(RemarkLine(parsing: "  ") == .blank)
        #expect(RemarkLine(parsing: "2: Data hubs") == .remark(label: "2", text: "Data hubs"))
        #expect(RemarkLine(parsing: "Nam： 표준이 중요") == .remark(label: "Nam", text: "표준이 중요"))
        #expect(RemarkLine(parsing: "Ratio 3:1 is fine") == .remark(label: "Ratio 3", text: "1 is fine"))
        #expect(RemarkLine(parsing: "no label here") == .remark(label: nil, text: "no label here"))
        #expect(RemarkLine(parsing: "/2") == .chooseSpeaker("2"))
        #expect(RemarkLine(parsing: "nam:") == .chooseSpeaker("nam"))
        #expect(RemarkLine(parsing: "/undo") == .undo)
        #expect(RemarkLine(parsing: "/q") == .quit)
        let long = String(repeating: "x", count: 41) + ": text"
        #expect(RemarkLine(parsing: long) == .remark(label: nil, text: long))
    }

    @Test("A speaker is picked by number or by the start of the name, in any case")
    func pickSpeaker() throws {
        #expect(try panel.participant(matching: "2").name == "Nam Gwang-woo")
        #expect(try panel.participant(matching: "nam").name == "Nam Gwang-woo")
        #expect(try panel.participant(matching: "kim t").name == "Kim Tae-hyung")
        #expect(try panel.participant(matching: "박").name == "박성남")
        #expect(throws: PanelLookupError.self) { try panel.participant(matching: "Kim") }
        #expect(throws: PanelLookupError.self) { try panel.participant(matching: "9") }
        #expect(throws: PanelLookupError.self) { try panel.participant(matching: "Lee") }
    }

    @Test("Unlabelled remarks go to the current speaker")
    func currentSpeaker() {
        var session = RecordSession(panel: panel, mode: .live)
        #expect(speaker(session.handle("2: first")) == "Nam Gwang-woo")
        #expect(speaker(session.handle("second")) == "Nam Gwang-woo")
        #expect(session.handle("/1") == .switched(to: panel.participants[0]))
        #expect(speaker(session.handle("third")) == "Kim Gap-seong")
    }

    @Test("Live: a remark typed before any speaker waits for one instead of being lost")
    func pendingRemark() {
        var session = RecordSession(panel: panel, mode: .live)
        #expect(session.handle("Welcome everyone") == .needSpeaker)
        #expect(session.handle("and thank you") == .needSpeaker)
        #expect(session.handle("/1") == .record(speaker: panel.participants[0], text: "Welcome everyone\nand thank you", notice: nil))
        #expect(session.pendingRemark == nil)
    }

    @Test("Live: a note's colon is text of the current speaker; a name that is nobody's is kept and asked about")
    func unknownLabelLive() throws {
        var session = RecordSession(panel: panel, mode: .live)
        _ = session.handle("/2")
        #expect(session.handle("Conclusion: more data") == .record(speaker: panel.participants[1], text: "Conclusion: more data", notice: nil))
        #expect(speaker(session.handle("예산 규모는 14:30 발표 자료 기준입니다")) == "Nam Gwang-woo")
        guard case .problem(let question) = session.handle("홍길동: 한 말씀 드리겠습니다") else {
            Issue.record("a remark by nobody on the panel was filed")
            return
        }
        #expect(question.contains("'홍길동' is nobody on the panel") && question.contains("/2 for Nam Gwang-woo"))
        #expect(session.pendingRemark == "홍길동: 한 말씀 드리겠습니다")
        #expect(session.handle("/4") == .record(speaker: panel.participants[3], text: "홍길동: 한 말씀 드리겠습니다", notice: nil))
    }

    @Test("Transcripts as organizers write them: bullets, titles after names, roles, and colons that are text")
    func organizerLabels() {
        let korean = Panel([
            Participant(id: 1, hearingID: 1, name: "김철수", role: .chair, position: 1),
            Participant(id: 2, hearingID: 1, name: "이영희", role: .panelist, position: 2),
            Participant(id: 3, hearingID: 1, name: "Nam Gwang-woo", role: .presenter, position: 3),
        ])
        var session = RecordSession(panel: korean, mode: .transcript)
        #expect(speaker(session.handle("○ 김철수: 시작하겠습니다.")) == "김철수")
        #expect(speaker(session.handle("이영희 교수: 데이터 표준이 필요합니다.")) == "이영희")
        #expect(speaker(session.handle("예산 규모는 14:30 발표 자료 기준입니다.")) == "이영희")
        #expect(speaker(session.handle("참고: 자료집 12쪽")) == "이영희")
        #expect(speaker(session.handle("좌장: 다음 순서입니다.")) == "김철수")
        #expect(speaker(session.handle("- Nam Gwang-woo, Kyungsung University: Thank you.")) == "Nam Gwang-woo")
        #expect(speaker(session.handle("Chair: Thank you all.")) == "김철수")
        guard case .problem(let unknown) = session.handle("홍길동: 누구?") else {
            Issue.record("a label that names nobody was accepted")
            return
        }
        #expect(unknown.contains("Add them to the panel"))
    }

    @Test("Transcript: every line needs a known speaker")
    func transcriptIsStrict() {
        var session = RecordSession(panel: panel, mode: .transcript)
        guard case .problem(let message) = session.handle("no speaker yet") else {
            Issue.record("expected a problem")
            return
        }
        #expect(message.contains("speaker: text"))
        #expect(speaker(session.handle("3: 성과평가 체계")) == "Kim Tae-hyung")
        #expect(speaker(session.handle("continued")) == "Kim Tae-hyung")
        guard case .problem(let unknown) = session.handle("Lee: who?") else {
            Issue.record("expected a problem")
            return
        }
        #expect(unknown.contains("Nobody on the panel matches 'Lee'"))
        guard case .problem(let ambiguous) = session.handle("kim: which?") else {
            Issue.record("expected a problem")
            return
        }
        #expect(ambiguous.contains("Kim Gap-seong and Kim Tae-hyung"))
    }
}
