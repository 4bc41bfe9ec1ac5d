import MadangCore
import Mustache

/// The `MARKDOWN` content type for templates (`{{%CONTENT_TYPE: MARKDOWN}}`):
/// values are escaped so that a citizen's text prints as text and cannot add
/// headings, lists, links, images, emphasis, code, tables or raw HTML to a digest,
/// nor a bare address that renderers make a link of (`https://…`, `www.…`).
struct MarkdownEscaping: MustacheContentType {
    static let name = "MARKDOWN"

    func escapeText(_ text: String) -> String {
        MarkdownEscaping.escape(text)
    }

    /// Escapes Markdown syntax in `text` and folds line breaks into spaces, so the
    /// value stays inside the list item or paragraph the template put it in.
    static func escape(_ text: String) -> String {
        let folded = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        var result = ""
        result.reserveCapacity(folded.utf8.count + 8)
        // Block markers only act at the start of a line, which a value may be.
        let leadingDigits = folded.prefix(while: \.isNumber).count
        let characters = Array(folded)
        for (offset, character) in characters.enumerated() {
            let startsBlock = offset == 0 && "#-+=".contains(character)
            let endsListNumber = leadingDigits > 0 && offset == leadingDigits && ".)".contains(character)
            // An escaped character breaks the pattern a renderer autolinks on.
            let startsAddress = (character == ":" && characters[(offset + 1)...].starts(with: ["/", "/"]))
                || (character == "." && offset >= 3 && String(characters[(offset - 3)..<offset]).lowercased() == "www")
            switch character {
            case "<": result.append("&lt;")
            case ">": result.append("&gt;")
            case "&": result.append("&amp;")
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                result.append("\\")
                result.append(character)
            default:
                if startsBlock || endsListNumber || startsAddress { result.append("\\") }
                result.append(character)
            }
        }
        return result
    }
}
