/// Building pages as text: every value that came from a person goes through ``escape(_:)``.
enum HTML {
    /// `text` with the five characters that mean something in HTML replaced by references,
    /// safe inside an element or a quoted attribute.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// A whole page: the document's language, its title, the style sheet, and `scripts`
    /// loaded as files (the content security policy allows no inline script).
    static func page(language: String, title: String, body: String, scripts: [String] = []) -> String {
        let scriptTags = scripts.map { "<script src=\"/assets/\($0)\" defer></script>" }.joined()
        return """
            <!doctype html>
            <html lang="\(language)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <link rel="stylesheet" href="/assets/madang.css">\(scriptTags)</head>
            <body>\(body)</body></html>
            """
    }
}
