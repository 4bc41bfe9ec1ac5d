import MadangCore

/// Why a use case could not be carried out. Each case carries what a front end needs
/// to word its own message or advice; the descriptions state the fault and name no
/// command or flag.
public enum ServiceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The task that asked was cancelled; what the work had begun was rolled back.
    case cancelled
    /// The hearing has no policy goals to file items under.
    case noGoals(hearing: String)
    /// A labelled training file uses labels that are not the hearing's goal ids.
    case unknownTrainingLabels(hearing: String, goals: [String], unknown: [String])
    /// No such text encoding; `known` lists the names that are.
    case unknownEncoding(String, known: [String])
    /// No such time zone.
    case unknownTimeZone(String)
    /// A delimiter that is not a comma, semicolon, tab or another single ASCII character.
    case invalidDelimiter(String)
    /// A date order other than dmy, mdy or ymd.
    case unknownDateOrder(String)
    /// The hearing has nobody on its panel, so no statement can be recorded.
    case noPanel(hearing: String)
    /// A transcript has lines that cannot be filed; nothing was recorded.
    case transcript([TranscriptProblem])
    /// The rejected rows of an import cannot be written where they should go.
    case rejectsUnwritable(path: String, reason: String)
    /// A selection of opinions to answer found none.
    case nothingSelected(hearing: String)
    /// The name and password do not match an organizer's account (which of them is wrong is not told).
    case signInRefused
    /// The hearing's web form does not take opinions now.
    case commentsClosed(hearing: String, period: CommentPeriod)
    /// Contact details were given without consent to their collection and use.
    case consentRequired

    public var description: String {
        switch self {
        case .cancelled:
            "The work was cancelled; nothing of it was kept."
        case .signInRefused:
            "The name or the password is wrong."
        case .commentsClosed(let hearing, .notYet(let opens)):
            "\(hearing) takes opinions from \(opens)."
        case .commentsClosed(let hearing, _):
            "\(hearing) no longer takes opinions."
        case .consentRequired:
            "Contact details are kept only with consent to their collection and use."
        case .noGoals(let hearing):
            "\(hearing) has no policy goals yet."
        case .unknownTrainingLabels(let hearing, let goals, let unknown):
            "The training file's labels must be goal ids of \(hearing) (\(goals.joined(separator: ", "))); "
                + "these are not: \(unknown.joined(separator: ", "))."
        case .unknownEncoding(let name, let known):
            "'\(name)' is not an encoding Madang reads; it reads \(known.joined(separator: ", "))."
        case .unknownTimeZone(let name):
            "'\(name)' is not a time zone, such as Asia/Seoul."
        case .invalidDelimiter(let text):
            "'\(text)' cannot separate fields: use comma, semicolon, tab, or one ASCII character other than a quote or a line break."
        case .unknownDateOrder(let text):
            "'\(text)' is not a date order; the orders are dmy (day first), mdy (month first) and ymd (year first)."
        case .noPanel(let hearing):
            "\(hearing) has nobody on its panel yet, so no statement can be filed."
        case .transcript(let problems):
            "The transcript has \(problems.count) line\(problems.count == 1 ? "" : "s") that cannot be filed; nothing was recorded."
        case .rejectsUnwritable(let path, let reason):
            "Cannot write the rejected rows to \(path): \(reason)."
        case .nothingSelected(let hearing):
            "No opinion of \(hearing) was selected: name items by number, or choose every opinion under a goal or matching a search."
        }
    }
}

/// A transcript line that cannot be filed: where it is and why.
public struct TranscriptProblem: Equatable, Sendable, CustomStringConvertible {
    /// The transcript's file name, or `stdin`.
    public var source: String
    public var line: Int
    public var message: String

    public init(source: String, line: Int, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    /// `transcript.txt:12:1: message`, as compilers and editors write places.
    public var description: String { "\(source):\(line):1: \(message)" }
}
