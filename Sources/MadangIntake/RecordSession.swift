import MadangCore

/// The rules of live entry: who is speaking, which lines become statements,
/// and what to tell the organizer. It decides; the caller stores and prints.
///
/// ```swift
/// var session = RecordSession(panel: panel, mode: .live)
/// switch session.handle("2: Data hubs need standards.") {
/// case .record(let speaker, let text): // store it now
/// default: break
/// }
/// ```
public struct RecordSession: Sendable {
    /// How strictly lines are read.
    public enum Mode: Sendable {
        /// An organizer typing: a label that names nobody is kept as text of the
        /// current speaker (with a notice), and a remark typed before any speaker
        /// is chosen waits for one, so nothing typed is lost.
        case live
        /// A transcript from a pipe: every label must name a participant, and a line
        /// without a label continues the previous speaker; anything else is an error.
        case transcript
    }

    /// What the caller should do with a line.
    public enum Action: Equatable, Sendable {
        /// Store `text` as a statement by `speaker` now. `notice`, if any, tells the
        /// organizer something about how the line was read.
        case record(speaker: Participant, text: String, notice: String?)
        /// The current speaker changed.
        case switched(to: Participant)
        /// The remark was kept and waits for a speaker to be chosen.
        case needSpeaker
        case listPanel
        case undo
        case help
        case quit
        case nothing
        /// The line cannot be taken; the message says why and what to type.
        case problem(String)
    }

    public let panel: Panel
    public let mode: Mode
    /// Who the next unlabelled remark is attributed to.
    public private(set) var currentSpeaker: Participant?
    /// A remark typed before any speaker was chosen (live mode only).
    public private(set) var pendingRemark: String?

    public init(panel: Panel, mode: Mode) {
        self.panel = panel
        self.mode = mode
    }

    /// Reads one line and says what to do with it.
    public mutating func handle(_ line: String) -> Action {
        switch RemarkLine(parsing: line) {
        case .blank: return .nothing
        case .listPanel: return .listPanel
        case .undo: return .undo
        case .help: return .help
        case .quit: return .quit
        case .chooseSpeaker(let label):
            do {
                let speaker = try panel.speaker(labelled: label)
                currentSpeaker = speaker
                if let pending = pendingRemark {
                    pendingRemark = nil
                    return .record(speaker: speaker, text: pending, notice: nil)
                }
                return .switched(to: speaker)
            } catch {
                return .problem(error.description)
            }
        case .remark(let label?, let text):
            return remark(labelled: label, text: text, line: line)
        case .remark(nil, let text):
            return remarkByCurrentSpeaker(text)
        }
    }

    private mutating func remark(labelled label: String, text: String, line: String) -> Action {
        let speaker: Participant
        do {
            speaker = try panel.speaker(labelled: label)
        } catch .ambiguous(let label, let candidates) {
            let error = PanelLookupError.ambiguous(label: label, candidates: candidates)
            guard mode == .live else { return .problem(error.description) }
            keepPending(Text.normalized(line))
            return .problem("\(error.description) The line is kept: choose who said it with /NUMBER.")
        } catch {
            // A colon in a time, a number or a note (14:30, 참고:) is text, not a label.
            guard RecordSession.looksLikeName(label) else { return remarkByCurrentSpeaker(Text.normalized(line)) }
            switch mode {
            case .transcript:
                return .problem("\(error.description) Add them to the panel, or write the line without '\(label):'.")
            case .live:
                // Not filed under whoever spoke last: the organizer says who it was.
                keepPending(Text.normalized(line))
                let current = currentSpeaker.map { " (/\($0.position) for \($0.name), who spoke last)" } ?? ""
                return .problem("'\(label)' is nobody on the panel. The line is kept: file it with /NUMBER\(current), "
                    + "or add them to the panel and type the line again.")
            }
        }
        currentSpeaker = speaker
        return .record(speaker: speaker, text: text, notice: nil)
    }

    /// Words that stand before a colon in notes, not names: 참고: …, Q: …, Note: …
    static let noteWords: Set<String> = [
        "참고", "참조", "주", "비고", "예", "예시", "질문", "답변", "문", "답", "요약", "결론", "제안", "의견", "단", "출처",
        "note", "notes", "q", "a", "ps", "eg", "ie", "conclusion", "summary", "question", "answer", "example", "source", "re",
    ]

    /// True when a label could be a person's name: a few words of letters, not a note word.
    static func looksLikeName(_ label: String) -> Bool {
        let words = label.split(whereSeparator: \.isWhitespace)
        let key = label.lowercased().filter(\.isLetter)
        return (1...4).contains(words.count) && label.count <= 30 && !noteWords.contains(key)
            && label.allSatisfy { $0.isLetter || $0.isWhitespace || "-.,'·○●•*–—()".contains($0) }
    }

    /// Keeps a remark until a speaker is chosen; several lines join into one remark.
    private mutating func keepPending(_ text: String) {
        pendingRemark = pendingRemark.map { $0 + "\n" + text } ?? text
    }

    private mutating func remarkByCurrentSpeaker(_ text: String) -> Action {
        if let current = currentSpeaker {
            return .record(speaker: current, text: text, notice: nil)
        }
        switch mode {
        case .live:
            keepPending(text)
            return .needSpeaker
        case .transcript:
            return .problem("No speaker yet: write the line as 'speaker: text', where speaker is a number or a name on the panel (\(panel.summary)).")
        }
    }
}
