import Foundation
import MadangCore

/// Every word the digest's templates print of Madang's own, in one language.
public struct DigestWording: Codable, Sendable {
    public var documentKind: String
    public var heldBy: String
    public var underDiscussion: String
    public var attendance: String
    public var chair: String
    public var onRecord: String
    public var atAGlance: String
    public var sharesNote: String
    public var kind: String
    public var items: String
    public var share: String
    public var goal: String
    public var publicOpinions: String
    public var noPublicOpinions: String
    public var thePanel: String
    public var chairedBy: String
    public var name: String
    public var affiliation: String
    public var role: String
    public var panelSaid: String
    public var noStatements: String
    public var goalByGoal: String
    public var whatThePublicSaid: String
    public var sources: String
    public var source: String
    public var when: String
    public var strategyUnder: String
    public var nothingFiled: String
    public var fromThePanel: String
    public var fromSample: String
    public var proposalsFirst: String
    public var supporters: String
    public var madeOn: String
    public var masked: String
    public var nothingToChart: String
    public var statementNumbers: String
    public var campaigns: String
    public var campaignsNote: String

    public static func of(_ language: DocumentLanguage) -> DigestWording {
        switch language {
        case .ko:
            DigestWording(
                documentKind: "의견 요약", heldBy: "주관", underDiscussion: "대상 계획", attendance: "참석", chair: "좌장",
                onRecord: "기록", atAGlance: "한눈에 보기",
                sharesNote: "한 의견이 여러 정책목표에 분류될 수 있어 비율의 합이 100%를 넘을 수 있습니다.",
                kind: "유형", items: "건수", share: "비율", goal: "정책목표", publicOpinions: "시민 의견",
                noPublicOpinions: "(아직 시민 의견이 없습니다)", thePanel: "토론자", chairedBy: "좌장", name: "이름",
                affiliation: "소속", role: "역할", panelSaid: "발언 순서대로 본 토론 내용", noStatements: "기록된 발언이 없습니다.",
                goalByGoal: "정책목표별 의견", whatThePublicSaid: "시민 의견", sources: "의견 접수 경로", source: "경로",
                when: "일시", strategyUnder: "상위 정책목표", nothingFiled: "이 정책목표로 분류된 의견이 없습니다.",
                fromThePanel: "관련 토론 발언", fromSample: "(고르게 뽑은 일부 의견 가운데서 골랐습니다)",
                proposalsFirst: "제안(지지자가 많은 순)", supporters: "명 지지", madeOn: "작성", masked: "가린 개인정보",
                nothingToChart: "아직 나타낼 자료가 없습니다.", statementNumbers: "발언 번호", campaigns: "같은 내용으로 낸 의견",
                campaignsNote: "같은 글을 그대로 또는 조금 고쳐 낸 의견은 한 묶음으로 세었습니다. 건수는 낸 사람의 수입니다.")
        case .en:
            DigestWording(
                documentKind: "digest", heldBy: "Held by", underDiscussion: "Under discussion", attendance: "Attendance",
                chair: "Chair", onRecord: "On record", atAGlance: "At a glance",
                sharesNote: "An opinion can be filed under more than one goal, so the shares can add up to more than 100%.",
                kind: "Kind", items: "Items", share: "Share", goal: "Goal", publicOpinions: "Public opinions",
                noPublicOpinions: "(no public opinions yet)", thePanel: "The panel", chairedBy: "Chaired by", name: "Name",
                affiliation: "Affiliation", role: "Role", panelSaid: "What the panel said, in speaking order",
                noStatements: "No statements recorded yet.", goalByGoal: "Goal by goal", whatThePublicSaid: "What the public said",
                sources: "Where the opinions came from", source: "Source", when: "When", strategyUnder: "A strategy under",
                nothingFiled: "Nothing was filed under this goal.", fromThePanel: "From the panel",
                fromSample: "(chosen from an even sample of these opinions)", proposalsFirst: "Proposals, most supported first",
                supporters: "supporters", madeOn: "Made", masked: "Personal data masked in the text",
                nothingToChart: "Nothing to chart yet.", statementNumbers: "statements", campaigns: "Campaigns",
                campaignsNote: "Copies of one letter, exact or lightly edited, are grouped; the count is the people who sent it.")
        }
    }

    /// `3 comments`, `의견 3건`.
    static func counted(_ n: Int, _ noun: Noun, _ language: DocumentLanguage) -> String {
        switch language {
        case .ko: return "\(noun.korean) \(BarChart.grouped(n))건"
        case .en: return "\(BarChart.grouped(n)) \(n == 1 ? noun.english : noun.englishPlural)"
        }
    }

    /// A thing the digest counts, named in both languages.
    struct Noun {
        var english: String
        var englishPlural: String
        var korean: String

        static let statement = Noun(english: "panel statement", englishPlural: "panel statements", korean: "토론 발언")
        static let comment = Noun(english: "comment", englishPlural: "comments", korean: "의견")
        static let proposal = Noun(english: "proposal", englishPlural: "proposals", korean: "제안")
        static let publicOpinion = Noun(english: "public opinion", englishPlural: "public opinions", korean: "시민 의견")
        static let email = Noun(english: "e-mail address", englishPlural: "e-mail addresses", korean: "이메일")
        static let phone = Noun(english: "phone number", englishPlural: "phone numbers", korean: "전화번호")
        static let residentNumber = Noun(
            english: "resident registration number", englishPlural: "resident registration numbers", korean: "주민등록번호")
        static let card = Noun(english: "card number", englishPlural: "card numbers", korean: "카드번호")
        static let campaign = Noun(english: "campaign", englishPlural: "campaigns", korean: "묶음")
        static let account = Noun(english: "bank account number", englishPlural: "bank account numbers", korean: "계좌번호")
    }

    static func role(_ role: ParticipantRole, _ language: DocumentLanguage) -> String {
        guard language == .ko else { return role.rawValue }
        switch role {
        case .chair: return "좌장"
        case .panelist: return "토론자"
        case .presenter: return "발표자"
        case .official: return "공무원"
        }
    }

    static func citizensNote(_ citizens: CitizenStyle, _ language: DocumentLanguage) -> String {
        switch (citizens, language) {
        case (.numbers, .en): "Citizens are shown by number (Citizen N wrote the hearing's N-th public opinion); their names and contact details are not printed."
        case (.initials, .en): "Citizens are shown by their initials (by number where no name was given); their contact details are not printed."
        case (.names, .en): "Citizens are shown by the names they gave (this digest was asked to show names); their contact details are not printed."
        case (.numbers, .ko): "시민은 번호로 적었습니다(시민 N은 N번째로 의견을 낸 분입니다). 이름과 연락처는 싣지 않았습니다."
        case (.initials, .ko): "시민은 이름의 첫 글자로 적었습니다(이름을 밝히지 않은 분은 번호로). 연락처는 싣지 않았습니다."
        case (.names, .ko): "시민은 밝힌 이름으로 적었습니다(이름 표시를 요청한 요약입니다). 연락처는 싣지 않았습니다."
        }
    }
}
