/// The built-in digest formats.
public enum DigestFormat: String, CaseIterable, Sendable {
    /// Markdown, for a wiki, a repository or an e-mail client that reads it.
    case md
    /// One standalone HTML file made for printing on A4.
    case html
    /// Plain text wrapped at ``TextWrapping/defaultWidth`` columns, for a terminal or an e-mail.
    case txt

    /// The built-in template's name in a ``TemplateLibrary``.
    public var templateName: String { "digest.\(rawValue)" }

    /// What is done to a rendered template before it is written: plain text is
    /// wrapped; the others stay as rendered.
    public func finish(_ rendered: String) -> String {
        switch self {
        case .md, .html: rendered
        case .txt: TextWrapping.wrap(rendered)
        }
    }
}
