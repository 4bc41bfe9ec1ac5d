import ArgumentParser
import Foundation
import MadangCore
import MadangService

struct Record: AsyncParsableCommand {
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
        A line can be of any length; ←/→, Home/End, Backspace/Delete and ↑/↓ (earlier lines) edit it, and a pasted
        text of several lines stays one remark. Ctrl-D on an empty line or Ctrl-C finishes.
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

    func run() async throws {
        let workspace = try await database.open()
        if let from {
            guard let handle = FileHandle(forReadingAtPath: from) else { throw CLIError("Cannot open \(from).") }
            try await transcript([UInt8](try handle.readToEnd() ?? Data()), source: from, workspace: workspace)
        } else if Console.inputIsTerminal {
            try await live(try await workspace.startRecording(hearing))
        } else {
            try await transcript([UInt8](try FileHandle.standardInput.readToEnd() ?? Data()), source: "stdin", workspace: workspace)
        }
    }

    private func transcript(_ text: [UInt8], source: String, workspace: Workspace) async throws {
        let stored: [Item]
        do {
            stored = try await workspace.recordTranscript(hearing, text: text, source: source)
        } catch ServiceError.transcript(let problems) {
            problems.prefix(20).forEach { Console.error($0.description) }
            if problems.count > 20 { Console.error("… and \(problems.count - 20) more.") }
            throw CLIError("Nothing was recorded: fix the lines above and run the same command again.")
        }
        guard let first = stored.first?.speakingOrder, let last = stored.last?.speakingOrder else {
            return print("The transcript held no remarks; nothing was recorded.")
        }
        let orders = first == last ? "speaking order \(first)" : "speaking order \(first)–\(last)"
        print("Recorded \(stored.count) statement\(stored.count == 1 ? "" : "s") for \(hearing) (\(orders)).")
    }

    private func live(_ recording: LiveRecording) async throws {
        let (hearing, panel) = (recording.hearing, recording.panel)
        print("Recording panel remarks for \(hearing.slug): \(hearing.title)")
        print("Each line is saved when you press Enter. Type /help for how to pick speakers, /quit or Ctrl-D to finish.\n")
        print(PanelCommand.table(panel) + "\n")
        let editor = LineEditor()
        reading: while true {
            let current = await recording.currentSpeaker.map { "\($0.position) \($0.name)" } ?? "choose a speaker: /NUMBER"
            let prompt = "[\(Text.displayable(current))] › "
            let line: String
            if let editor {
                guard case .line(let typed) = editor.read(prompt: prompt) else { break }
                line = typed
            } else {
                print(prompt, terminator: "")
                fflush(nil)
                guard let typed = readLine(strippingNewline: true) else { print(""); break }
                line = typed
            }
            switch await recording.enter(line) {
            case .saved(let item, let notice):
                print("  saved #\(item.speakingOrder ?? 0) \(item.speaker ?? "")")
                if let notice { print("  note: \(notice)") }
            case .notSaved(let text, let error):
                Console.error("  NOT SAVED: \(error)\n  The remark was: \(text)")
            case .switched(let speaker):
                print("  now speaking: \(speaker.nameWithAffiliation)")
            case .needSpeaker:
                print("  kept; who said it? Type /NUMBER (\(panel.summary)).")
            case .listPanel:
                print(PanelCommand.table(panel))
            case .tookBack(let item):
                print("  took back #\(item.speakingOrder ?? 0) \(item.speaker ?? ""): \(Text.displayable(item.body))")
            case .nothingToTakeBack(let error):
                if let error { Console.error("  could not take it back: \(error)") } else { print("  nothing typed in this session to take back") }
            case .help:
                print(Record.liveHelp)
            case .quit:
                break reading
            case .problem(let message):
                print("  \(message)")
            case .nothing:
                continue
            }
        }
        let count = await recording.recorded.count
        print("Recorded \(count) statement\(count == 1 ? "" : "s") for \(hearing.slug).")
    }
}
