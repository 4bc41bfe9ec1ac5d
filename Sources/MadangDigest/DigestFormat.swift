import MadangCore

extension DigestFormat {
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
