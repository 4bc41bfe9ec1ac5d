/// What a CSV column can hold for Madang.
public enum ImportField: String, CaseIterable, Sendable, Codable {
    case body, title, author
    /// The author's first or last name, joined into ``author`` (regulations.gov).
    case firstName = "first-name", lastName = "last-name"
    case email, phone
    /// An e-mail address or a phone number, whichever the value is.
    case contact
    case group, supporters
    case submittedAt = "submitted-at"
    case speaker
    case externalID = "external-id"

    /// Column names that mean this field, most telling first, in the normalized
    /// form ``ColumnMapping/normalize(_:)`` gives: lowercase, no spaces or punctuation.
    public var names: [String] {
        switch self {
        case .body:
            ["body", "comment", "comments", "commentcontent", "text", "content", "opinion", "message",
             "proposal", "suggestion", "description", "내용", "의견", "의견내용", "본문", "제안내용", "건의내용",
             "발언내용", "발언", "제안", "건의사항"]
        case .title: ["title", "subject", "heading", "제목", "제안명", "제안제목", "안건", "주제"]
        case .author:
            ["author", "authorname", "name", "fullname", "submitter", "commentauthor", "authorusername",
             "yourname", "작성자", "성명", "성함", "이름", "제출자", "제안자", "작성자명", "실명"]
        case .firstName: ["firstname", "givenname"]
        case .lastName: ["lastname", "surname", "familyname"]
        case .email: ["email", "emailaddress", "mail", "이메일", "이메일주소", "전자우편", "메일"]
        case .phone:
            ["phone", "phonenumber", "telephone", "mobile", "mobilenumber", "cellphone", "tel", "전화", "전화번호",
             "휴대폰", "휴대전화", "휴대전화번호", "핸드폰", "휴대폰번호", "핸드폰번호"]
        case .contact: ["contact", "연락처"]
        case .group:
            ["group", "groupname", "organization", "organisation", "organizationname", "affiliation",
             "단체", "단체명", "소속", "소속단체", "소속기관", "기관", "기관명", "참여단", "모임"]
        case .supporters:
            ["supporters", "supports", "votes", "likestotalcount", "likes", "endorsements", "endorsementscount",
             "찬성", "찬성수", "지지", "지지자", "지지자수", "공감", "공감수", "추천", "추천수", "동의", "동의수"]
        case .submittedAt:
            ["submittedat", "timestamp", "receiveddate", "createdat", "publishedat", "posteddate", "submitted",
             "date", "datetime", "time", "일시", "작성일", "작성일시", "제출일", "제출일시", "등록일", "등록일시",
             "날짜", "타임스탬프", "접수일", "접수일시"]
        case .speaker: ["speaker", "발언자", "화자", "토론자"]
        case .externalID: ["id", "commentid", "documentid", "reference", "trackingnumber", "번호", "접수번호"]
        }
    }

    /// Words that, inside a longer header (a form's question, such as "의견을 자유롭게 적어
    /// 주세요" or "Your phone number"), mean this field, in the normalized form; tried
    /// only for fields no header names exactly.
    public var keywords: [String] {
        switch self {
        case .body: ["의견", "내용", "opinion", "comment", "suggestion", "feedback"]
        case .author: ["성명", "성함", "이름", "name"]
        case .email: ["email", "이메일", "메일"]
        case .phone: ["전화", "휴대폰", "휴대전화", "핸드폰", "phone", "mobile"]
        case .group: ["단체", "소속", "organization", "organisation"]
        case .supporters: ["찬성", "지지", "공감", "supporters", "endorsements"]
        case .title, .firstName, .lastName, .contact, .submittedAt, .speaker, .externalID: []
        }
    }

    /// The fields an item of `kind` takes from a file.
    public static func allowed(for kind: ItemKind) -> Set<ImportField> {
        switch kind {
        case .statement: [.body, .speaker, .submittedAt, .externalID]
        case .comment: [.body, .title, .author, .firstName, .lastName, .email, .phone, .contact, .group, .submittedAt, .externalID]
        case .proposal:
            [.body, .title, .author, .firstName, .lastName, .email, .phone, .contact, .group, .supporters,
             .submittedAt, .externalID]
        }
    }
}
