/// The language Madang writes a document in: every word of its own, dates and numbers.
public enum DocumentLanguage: String, Codable, CaseIterable, Sendable {
    case ko, en

    /// The language `text` names (`ko`, `korean`, `한국어`, `en`, `english`, `영어`), if any.
    public init?(userText text: String) {
        switch text.lowercased() {
        case "ko", "kor", "korean", "한국어", "한글", "ko-kr": self = .ko
        case "en", "eng", "english", "영어", "en-us", "en-gb": self = .en
        default: return nil
        }
    }

    /// The language of the environment (`LANG`, `LC_ALL`, `LC_MESSAGES`): Korean for a
    /// `ko` locale, English otherwise.
    public static func from(environment: [String: String]) -> DocumentLanguage {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty { return value.lowercased().hasPrefix("ko") ? .ko : .en }
        }
        return .en
    }
}
