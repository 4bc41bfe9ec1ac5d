import ArgumentParser
import Foundation
import MadangCore
import MadangIntake
import MadangStore

struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Type panel remarks live, or feed a transcript; every remark keeps its speaking order.",
        discussion: """
            \(Record.liveHelp)

            From a pipe or --from FILE, every line is 'speaker: text' (a line without a label \
            continues the previous speaker). The whole transcript is checked first: if any line \
            names nobody on the panel, nothing is stored and each bad line is reported.

            Examples:
              madang record smart-city-plan-4
              madang record smart-city-plan-4 < transcript.txt
              madang record smart-city-plan-4 --from transcript.txt
            """)

    /// How to type during live entry; shown by --help and by /help.
    static let liveHelp = """
        At a terminal, each line is stored the moment you press Enter, so closing the terminal loses at most the line being typed.
          2: Data hubs need standards.   remark by panelist 2, now the current speaker
          nam: 표준이 중요합니다         the same, picking the speaker by name
          And processing services.       no label: the current speaker again
          /3  or  kim t:                 make someone the current speaker
          /undo /list /help /quit        take back the last remark, panel, help, finish
        """

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The hearing's slug.") var hearing: String
    @Option(help: ArgumentHelp("Read a transcript from this file instead of standard input.", valueName: "file"))
    var from: String?

    func run() throws {
        let store = try database.open()
        let hearing = try store.hearing(slug: self.hearing)
        let panel = try store.panel(hearingID: hearing.id ?? 0)
        guard !panel.participants.isEmpty else {
            throw CLIError("\(hearing.slug) has no panel yet. Register speakers first: madang panel add \(hearing.slug) NAME --role panelist")
        }
        if let from {
            guard let handle = FileHandle(forReadingAtPath: from) else { throw CLIError("Cannot open \(from).") }
            let lines = try TranscriptText.lines([UInt8](handle.readDataToEndOfFile()), source: from)
            try transcript(lines, source: from, store: store, hearing: hearing, panel: panel)
        } else if Console.inputIsTerminal {
            try live(store: store, hearing: hearing, panel: panel)
        } else {
            let lines = try TranscriptText.lines([UInt8](FileHandle.standardInput.readDataToEndOfFile()), source: "stdin")
            try transcript(lines, source: "stdin", store: store, hearing: hearing, panel: panel)
        }
    }

    private func transcript(_ lines: [String], source: String, store: Store, hearing: Hearing, panel: Panel) throws {
        var session = RecordSession(panel: panel, mode: .transcript)
        var items: [Item] = []
        var problems: [String] = []
        reading: for (index, line) in lines.enumerated() {
            switch session.handle(line) {
            case .record(let speaker, let text, _):
                items.append(.statement(hearingID: hearing.id ?? 0, speakerID: speaker.id ?? 0, body: text))
            case .undo:
                _ = items.popLast()
            case .quit:
                break reading
            case .problem(let message):
                problems.append("\(source):\(index + 1):1: \(message)")
            case .switched, .needSpeaker, .listPanel, .help, .nothing:
                continue
            }
        }
        guard problems.isEmpty else {
            problems.prefix(20).forEach(Console.error)
            if problems.count > 20 { Console.error("… and \(problems.count - 20) more.") }
            throw CLIError("Nothing was recorded: fix the lines above and run the same command again.")
        }
        let stored = try store.addItems(items)
        guard let first = stored.first?.speakingOrder, let last = stored.last?.speakingOrder else {
            return print("The transcript held no remarks; nothing was recorded.")
        }
        let orders = first == last ? "speaking order \(first)" : "speaking order \(first)–\(last)"
        print("Recorded \(stored.count) statement\(stored.count == 1 ? "" : "s") for \(hearing.slug) (\(orders)).")
    }

    private func live(store: Store, hearing: Hearing, panel: Panel) throws {
        var session = RecordSession(panel: panel, mode: .live)
        var recorded: [Item] = []
        print("Recording panel remarks for \(hearing.slug): \(hearing.title)")
        print("Each line is saved when you press Enter. Type /help for how to pick speakers, /quit or Ctrl-D to finish.\n")
        print(PanelCommand.table(panel) + "\n")
        while true {
            let current = session.currentSpeaker.map { "\($0.position) \($0.name)" } ?? "choose a speaker: /NUMBER"
            print("[\(current)] › ", terminator: "")
            fflush(nil)
            guard let line = readLine(strippingNewline: true) else { print(""); break }
            switch session.handle(line) {
            case .record(let speaker, let text, let notice):
                do {
                    let item = try store.addItem(.statement(hearingID: hearing.id ?? 0, speakerID: speaker.id ?? 0, body: text))
                    recorded.append(item)
                    print("  saved #\(item.speakingOrder ?? 0) \(speaker.name)")
                    if let notice { print("  note: \(notice)") }
                } catch {
                    Console.error("  NOT SAVED: \(error)\n  The remark was: \(text)")
                }
            case .switched(let speaker):
                print("  now speaking: \(speaker.nameWithAffiliation)")
            case .needSpeaker:
                print("  kept; who said it? Type /NUMBER (\(panel.summary)).")
            case .listPanel:
                print(PanelCommand.table(panel))
            case .undo:
                guard let last = recorded.popLast(), let id = last.id else {
                    print("  nothing typed in this session to take back")
                    continue
                }
                do {
                    try store.deleteItem(id: id)
                    print("  took back #\(last.speakingOrder ?? 0) \(last.speaker ?? ""): \(last.body)")
                } catch {
                    Console.error("  could not take it back: \(error)")
                }
            case .help:
                print(Record.liveHelp)
            case .quit:
                print("Recorded \(recorded.count) statement\(recorded.count == 1 ? "" : "s") for \(hearing.slug).")
                return
            case .problem(let message):
                print("  \(message)")
            case .nothing:
                continue
            }
        }
        print("Recorded \(recorded.count) statement\(recorded.count == 1 ? "" : "s") for \(hearing.slug).")
    }
}
