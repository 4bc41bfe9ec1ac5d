import MadangCore
import MadangIntake
import MadangStore

extension Workspace {
    /// Starts live entry of panel remarks for the hearing: each line given to
    /// ``LiveRecording/enter(_:)`` is read by the live-entry rules and stored at once.
    ///
    /// - Throws: ``ServiceError/noPanel(hearing:)`` when nobody is on the panel yet.
    public func startRecording(_ slug: String) async throws -> LiveRecording {
        let (hearing, panel, filing) = try await run { store in
            let hearing = try store.hearing(slug: slug)
            return (hearing, try store.panel(hearingID: hearing.id ?? 0), try Workspace.filing(store: store, hearingID: hearing.id ?? 0))
        }
        guard !panel.participants.isEmpty else { throw ServiceError.noPanel(hearing: hearing.slug) }
        return LiveRecording(workspace: self, hearing: hearing, panel: panel, filing: filing)
    }

    /// Records a whole transcript (UTF-8 text, one `speaker: text` line at a time; a line
    /// without a label continues the previous speaker) in one transaction. Every line is
    /// checked first: if any names nobody on the panel, nothing is stored.
    ///
    /// - Parameter source: the file's name (or `stdin`) for the places in errors.
    /// - Throws: ``ServiceError/transcript(_:)`` listing every line that cannot be filed.
    /// - Returns: the statements stored, in speaking order.
    public func recordTranscript(_ slug: String, text: [UInt8], source: String) async throws -> [Item] {
        try await run { store in
            let hearing = try store.hearing(slug: slug)
            let panel = try store.panel(hearingID: hearing.id ?? 0)
            guard !panel.participants.isEmpty else { throw ServiceError.noPanel(hearing: hearing.slug) }
            var session = RecordSession(panel: panel, mode: .transcript)
            var items: [Item] = []
            var problems: [TranscriptProblem] = []
            reading: for (index, line) in try TranscriptText.lines(text, source: source).enumerated() {
                switch session.handle(line) {
                case .record(let speaker, let text, _):
                    items.append(.statement(hearingID: hearing.id ?? 0, speakerID: speaker.id ?? 0, body: text))
                case .undo:
                    _ = items.popLast()
                case .quit:
                    break reading
                case .problem(let message):
                    problems.append(TranscriptProblem(source: source, line: index + 1, message: message))
                case .switched, .needSpeaker, .listPanel, .help, .nothing:
                    continue
                }
            }
            guard problems.isEmpty else { throw ServiceError.transcript(problems) }
            return try store.addItems(items, filing: try Workspace.filing(store: store, hearingID: hearing.id ?? 0))
        }
    }
}
