import MadangCore

/// One line typed during live entry, or read from a transcript, before the
/// speaker label is looked up on the panel.
///
/// The grammar:
/// - `Nam: Data hubs need standards.` or `2: …` — a remark with a speaker label
///   (a position number or the start of a name) before the first colon;
/// - `Data hubs need standards.` — a remark by the current speaker;
/// - `/2`, `/nam`, or `2:` alone — make that participant the current speaker;
/// - `/list`, `/undo`, `/help`, `/quit` — commands;
/// - an empty line — nothing.
public enum RemarkLine: Equatable, Sendable {
    case blank
    case remark(label: String?, text: String)
    case chooseSpeaker(String)
    case listPanel
    case undo
    case help
    case quit

    /// The longest text before a colon that is taken as a speaker label.
    public static let maximumLabelLength = 40

    public init(parsing line: String) {
        let line = Text.normalized(line)
        guard !line.isEmpty else {
            self = .blank
            return
        }
        if line.hasPrefix("/") {
            let word = String(line.dropFirst()).trimmingWhitespace()
            switch word.lowercased() {
            case "list", "panel", "l": self = .listPanel
            case "undo", "u": self = .undo
            case "help", "h", "?": self = .help
            case "quit", "q", "exit": self = .quit
            case "": self = .help
            default: self = .chooseSpeaker(word)
            }
            return
        }
        if let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) {
            let label = String(line[..<colon]).trimmingWhitespace()
            let text = String(line[line.index(after: colon)...]).trimmingWhitespace()
            if !label.isEmpty, label.count <= RemarkLine.maximumLabelLength {
                self = text.isEmpty ? .chooseSpeaker(label) : .remark(label: label, text: text)
                return
            }
        }
        self = .remark(label: nil, text: line)
    }
}
