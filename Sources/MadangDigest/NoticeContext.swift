import Foundation
import MadangCore

/// What the notices' templates receive: one notice for each commenter who can be reached
/// (an e-mail address or a phone number was given), with their opinions and the published
/// responses, addressed by the name they gave. Notices are private: they hold names and
/// contact details, and never go into a digest or report.
public struct NoticeContext: Codable, Sendable {
    public struct Notice: Codable, Sendable {
        /// The name they gave; "시민 6" / "Citizen 6" when they gave none.
        public var name: String
        public var email: String?
        public var phone: String?
        /// "홍길동 님께", "Dear Hong Gil-dong,".
        public var greeting: String
        /// The sentence that says what the notice is about, naming the hearing.
        public var intro: String
        public var opinions: [Opinion]
    }

    public struct Opinion: Codable, Sendable {
        public var number: Int64
        /// Their own words, as they wrote them.
        public var text: String
        public var state: String
        public var stateLabel: String
        public var response: String?
        public var reason: String?
        public var action: String?
        public var department: String?
    }

    public var lang: String
    public var labels: ReportWording
    public var hearing: ReportContext.Facts
    public var notices: [Notice]
    /// Commenters who gave no e-mail address or phone number, so cannot be sent one.
    public var unreachable: Int
    public var generatedAt: String

    /// The notices as rows for a mail merge: name, e-mail, phone, opinion number, opinion,
    /// decision, response, reason; cells that would start a formula are defused.
    public var mailMergeRows: [[String]] {
        notices.flatMap { notice in
            notice.opinions.map { opinion in
                [notice.name, notice.email ?? "", notice.phone ?? "", String(opinion.number), opinion.text, opinion.stateLabel,
                 opinion.response ?? "", opinion.reason ?? ""]
            }
        }
    }

    /// The mail merge's header, in the notices' language.
    public var mailMergeHeader: [String] {
        lang == DocumentLanguage.ko.rawValue
            ? ["이름", "이메일", "전화번호", "번호", "의견", "처리 결과", "답변", "사유"]
            : ["name", "email", "phone", "number", "opinion", "decision", "response", "reason"]
    }
}
