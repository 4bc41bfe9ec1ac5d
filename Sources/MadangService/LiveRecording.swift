import MadangCore
import MadangIntake

/// A live-entry session: an organizer types panel remarks while the panel speaks, and
/// every remark is stored the moment it is entered, in speaking order.
///
/// ```swift
/// let recording = try await workspace.startRecording("plan-4")
/// switch await recording.enter("2: Data hubs need common standards.") {
/// case .saved(let item, _): print("saved #\(item.speakingOrder ?? 0)")
/// default: break
/// }
/// ```
public actor LiveRecording {
    /// What came of one line.
    public enum Step: Sendable {
        /// The remark was stored; `notice` tells the organizer something about how the line was read.
        case saved(Item, notice: String?)
        /// The remark could not be stored; `text` is what was typed, so it can be typed again.
        case notSaved(text: String, error: String)
        /// The current speaker changed.
        case switched(to: Participant)
        /// The remark is kept until a speaker is chosen.
        case needSpeaker
        /// The panel was asked for.
        case listPanel
        /// The last remark of this session was taken back.
        case tookBack(Item)
        /// There was nothing of this session to take back, or taking back failed (`error`).
        case nothingToTakeBack(error: String?)
        /// Help on live entry was asked for.
        case help
        /// The organizer is done.
        case quit
        /// The line cannot be taken; the message says why.
        case problem(String)
        /// An empty line.
        case nothing
    }

    public nonisolated let hearing: Hearing
    public nonisolated let panel: Panel
    private let workspace: Workspace
    /// Files each remark under the hearing's goals as it is stored; nil without goals.
    private let filing: (@Sendable ([Item]) throws -> [[Tag]])?
    private var session: RecordSession
    /// The statements stored in this session, in order, less those taken back.
    public private(set) var recorded: [Item] = []

    init(workspace: Workspace, hearing: Hearing, panel: Panel, filing: (@Sendable ([Item]) throws -> [[Tag]])?) {
        self.workspace = workspace
        self.filing = filing
        self.hearing = hearing
        self.panel = panel
        session = RecordSession(panel: panel, mode: .live)
    }

    /// Who an unlabelled remark is attributed to now.
    public var currentSpeaker: Participant? { session.currentSpeaker }

    /// Reads one typed line and does what it says: stores a remark, switches the speaker,
    /// takes back the last remark, and so on.
    public func enter(_ line: String) async -> Step {
        switch session.handle(line) {
        case .record(let speaker, let text, let notice):
            let (hearingID, filing) = (hearing.id ?? 0, filing)
            do {
                let item = try await workspace.run { store in
                    try store.addItem(.statement(hearingID: hearingID, speakerID: speaker.id ?? 0, body: text), filing: filing)
                }
                recorded.append(item)
                return .saved(item, notice: notice)
            } catch {
                return .notSaved(text: text, error: String(describing: error))
            }
        case .switched(let speaker): return .switched(to: speaker)
        case .needSpeaker: return .needSpeaker
        case .listPanel: return .listPanel
        case .undo:
            guard let last = recorded.last, let id = last.id else { return .nothingToTakeBack(error: nil) }
            do {
                try await workspace.run { store in try store.deleteItem(id: id) }
                recorded.removeLast()
                return .tookBack(last)
            } catch {
                return .nothingToTakeBack(error: String(describing: error))
            }
        case .help: return .help
        case .quit: return .quit
        case .problem(let message): return .problem(message)
        case .nothing: return .nothing
        }
    }
}
