import MadangCore

/// The language a page is written in; calling it with a Korean and an English text picks one.
struct Wording: Sendable {
    let language: DocumentLanguage

    /// The page's `lang` attribute.
    var code: String { language.rawValue }

    func callAsFunction(_ korean: String, _ english: String) -> String {
        language == .ko ? korean : english
    }

    /// The language a request asks for: `?lang=` first, then the browser's first choice
    /// among Korean and English, then `fallback`.
    static func of(query: String?, acceptLanguage: String?, fallback: DocumentLanguage?) -> Wording {
        if let query, let language = DocumentLanguage(rawValue: query) { return Wording(language: language) }
        for part in (acceptLanguage ?? "").split(separator: ",") {
            let tag = part.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased()
            if tag.hasPrefix("ko") { return Wording(language: .ko) }
            if tag.hasPrefix("en") { return Wording(language: .en) }
        }
        return Wording(language: fallback ?? .ko)
    }
}
