/// The formats a digest or another document of Madang's is written in.
public enum DigestFormat: String, CaseIterable, Sendable {
    /// Markdown, for a wiki, a repository or an e-mail client that reads it.
    case md
    /// One standalone HTML file made for printing on A4.
    case html
    /// Plain text wrapped at 78 columns, for a terminal or an e-mail.
    case txt
}
