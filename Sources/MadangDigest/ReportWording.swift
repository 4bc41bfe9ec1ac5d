import MadangCore

/// Every word the result report and the notices print of Madang's own, in one language:
/// headings, column names, kinds, and the phrases around numbers.
public struct ReportWording: Codable, Sendable {
    public var documentTitle: String
    public var overview: String
    public var byGoal: String
    public var byState: String
    public var table: String
    public var when: String
    public var venue: String
    public var organizers: String
    public var plan: String
    public var attendance: String
    public var number: String
    public var opinion: String
    public var from: String
    public var decision: String
    public var response: String
    public var reason: String
    public var action: String
    public var department: String
    public var goal: String
    public var opinions: String
    public var share: String
    public var otherOpinions: String
    public var draft: String
    public var draftsNote: String
    public var madeBy: String
    public var citizensNote: String
    public var nothingYet: String
    public var noticeTitle: String
    public var noticeGreeting: String
    public var noticeIntro: String
    public var noticeClosing: String
    public var yourOpinion: String

    public static func of(_ language: DocumentLanguage) -> ReportWording {
        switch language {
        case .ko:
            ReportWording(
                documentTitle: "의견 반영 결과", overview: "개요", byGoal: "정책목표별 의견", byState: "처리 결과",
                table: "의견 반영 여부", when: "일시", venue: "장소", organizers: "주관", plan: "대상 계획", attendance: "참석",
                number: "번호", opinion: "의견 요지", from: "제출자", decision: "처리 결과", response: "답변", reason: "사유",
                action: "조치 계획", department: "담당 부서", goal: "정책목표", opinions: "의견 수", share: "비율",
                otherOpinions: "기타 의견", draft: "초안", draftsNote: "공개 전 초안 답변도 함께 실었습니다.",
                madeBy: "작성", citizensNote: "시민은 의견을 낸 순서의 번호로 적었으며, 이름과 연락처는 싣지 않았습니다.",
                nothingYet: "아직 의견이 없습니다.", noticeTitle: "의견 처리 결과 안내", noticeGreeting: "님께",
                noticeIntro: "에 내주신 의견을 검토한 결과를 다음과 같이 알려 드립니다.",
                noticeClosing: "소중한 의견을 주셔서 감사합니다.", yourOpinion: "내주신 의견")
        case .en:
            ReportWording(
                documentTitle: "How the opinions were answered", overview: "Overview", byGoal: "Opinions by goal",
                byState: "Decisions", table: "Whether each opinion is reflected", when: "When", venue: "Venue",
                organizers: "Organizers", plan: "Plan", attendance: "Attendance", number: "No.", opinion: "Opinion",
                from: "From", decision: "Decision", response: "Response", reason: "Reason", action: "Action",
                department: "Department", goal: "Goal", opinions: "Opinions", share: "Share", otherOpinions: "Other opinions",
                draft: "draft", draftsNote: "Draft responses not yet published are included.", madeBy: "Made",
                citizensNote: "Citizens are shown by the order in which they gave their opinion; names and contact details are not printed.",
                nothingYet: "No opinions yet.", noticeTitle: "The result of reviewing your opinion", noticeGreeting: "Dear",
                noticeIntro: "We have reviewed the opinion you gave on", noticeClosing: "Thank you for taking part.",
                yourOpinion: "Your opinion")
        }
    }

    /// "시민 6", "Citizen 6".
    static func citizen(_ number: Int, _ language: DocumentLanguage) -> String {
        language == .ko ? "시민 \(number)" : "Citizen \(number)"
    }

    /// "시민 8 외 23명", "Citizen 8 and 23 others".
    static func andOthers(_ first: String, _ others: Int, _ language: DocumentLanguage) -> String {
        language == .ko ? "\(first) 외 \(BarChart.grouped(others))명"
            : "\(first) and \(BarChart.grouped(others)) other\(others == 1 ? "" : "s")"
    }

    /// "의견 12건", "12 opinions".
    static func opinions(_ count: Int, _ language: DocumentLanguage) -> String {
        language == .ko ? "의견 \(BarChart.grouped(count))건" : "\(BarChart.grouped(count)) opinion\(count == 1 ? "" : "s")"
    }

    /// "3건", "3".
    static func count(_ count: Int, _ language: DocumentLanguage) -> String {
        language == .ko ? "\(BarChart.grouped(count))건" : BarChart.grouped(count)
    }

    /// 의견, comment: an item's kind as the documents name it.
    public static func kind(_ kind: ItemKind, _ language: DocumentLanguage) -> String {
        switch (kind, language) {
        case (.statement, .ko): "발언"
        case (.comment, .ko): "의견"
        case (.proposal, .ko): "제안"
        case (.statement, .en): "statement"
        case (.comment, .en): "comment"
        case (.proposal, .en): "proposal"
        }
    }

    static func hearingKind(_ kind: HearingKind, _ language: DocumentLanguage) -> String {
        guard language == .ko else { return kind.label }
        switch kind {
        case .publicHearing: return "공청회"
        case .councilMeeting: return "위원회 회의"
        case .briefing: return "설명회"
        case .seminar: return "세미나"
        case .participationRound: return "시민참여 제안"
        }
    }

    static func unanswered(_ language: DocumentLanguage) -> String {
        language == .ko ? "답변 준비 중" : "not yet answered"
    }

    /// "의견 15건 가운데 12건에 답변했습니다(답변 준비 중 3건).", "12 of 15 opinions answered (3 not yet)."
    static func summary(opinions: Int, answered: Int, _ language: DocumentLanguage) -> String {
        let rest = opinions - answered
        switch language {
        case .ko:
            return "의견 \(BarChart.grouped(opinions))건 가운데 \(BarChart.grouped(answered))건에 답변했습니다"
                + (rest > 0 ? "(답변 준비 중 \(BarChart.grouped(rest))건)." : ".")
        case .en:
            return "\(BarChart.grouped(answered)) of \(ReportWording.opinions(opinions, .en)) answered" + (rest > 0 ? " (\(rest) not yet)." : ".")
        }
    }

    /// " 같은 글로 낸 의견은 2묶음(160건)으로, 서로 다른 의견은 6건입니다.", or nothing without campaigns.
    static func campaigns(_ campaigns: [Campaign], opinions: Int, _ language: DocumentLanguage) -> String {
        guard !campaigns.isEmpty else { return "" }
        let members = campaigns.reduce(0) { $0 + $1.size }
        let distinct = opinions - members + campaigns.count
        switch language {
        case .ko:
            return " 같은 글로 낸 의견은 \(campaigns.count)묶음(\(BarChart.grouped(members))건)이며, 서로 다른 의견은 \(BarChart.grouped(distinct))건입니다."
        case .en:
            return " \(BarChart.grouped(opinions)) submissions hold \(campaigns.count) campaign\(campaigns.count == 1 ? "" : "s") "
                + "(\(BarChart.grouped(members)) letters) and \(BarChart.grouped(distinct)) distinct opinions."
        }
    }

    /// "현장 400명, 온라인 1,200명", "400 in person, 1,200 online".
    static func attendance(inPerson: Int?, online: Int?, _ language: DocumentLanguage) -> String? {
        var parts: [String] = []
        if let inPerson { parts.append(language == .ko ? "현장 \(BarChart.grouped(inPerson))명" : "\(BarChart.grouped(inPerson)) in person") }
        if let online { parts.append(language == .ko ? "온라인 \(BarChart.grouped(online))명" : "\(BarChart.grouped(online)) online") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
