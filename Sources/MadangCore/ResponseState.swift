/// What the agency decided about an opinion: one of a hearing's states, each with a Korean
/// and an English label. The default states are those Korean agencies report with.
public struct ResponseState: Hashable, Codable, Sendable {
    /// A stable code, such as `not-accepted`.
    public var code: String
    /// The Korean label, such as 미반영.
    public var korean: String
    /// The English label, such as "not accepted".
    public var english: String
    /// True when a response in this state must say why.
    public var needsReason: Bool

    public init(code: String, korean: String, english: String, needsReason: Bool = false) {
        self.code = code
        self.korean = korean
        self.english = english
        self.needsReason = needsReason
    }

    /// The label in `language`.
    public func label(_ language: DocumentLanguage) -> String {
        language == .ko ? korean : english
    }

    /// 반영, 부분반영, 미반영, 기반영, 추후검토, 해당없음.
    public static let defaults: [ResponseState] = [
        ResponseState(code: "accepted", korean: "반영", english: "accepted"),
        ResponseState(code: "partly-accepted", korean: "부분반영", english: "partly accepted", needsReason: true),
        ResponseState(code: "not-accepted", korean: "미반영", english: "not accepted", needsReason: true),
        ResponseState(code: "already-reflected", korean: "기반영", english: "already reflected"),
        ResponseState(code: "later-review", korean: "추후검토", english: "for later review"),
        ResponseState(code: "out-of-scope", korean: "해당없음", english: "out of scope"),
    ]

    /// The state among `states` that `text` names: its code, its Korean or its English
    /// label, ignoring case, spaces and hyphens.
    public static func named(_ text: String, in states: [ResponseState]) -> ResponseState? {
        func key(_ text: String) -> String { text.lowercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "_" } }
        let wanted = key(text)
        return states.first { key($0.code) == wanted || key($0.korean) == wanted || key($0.english) == wanted }
    }
}
