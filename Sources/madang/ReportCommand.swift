import ArgumentParser
import Foundation
import MadangCore
import MadangService

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a hearing's result report: its facts, opinions by goal and by decision, and whether each opinion is reflected.",
        discussion: """
            The 의견 반영 여부 table lists every comment and proposal (and each statement that \
            was answered) with who gave it (citizens by number, a group's proposal under the \
            group's name), the decision, the response and its reason. Only published responses \
            appear unless --drafts is given. Personal data in any text is masked.

            The language is --lang, else the hearing's (`madang hearing edit SLUG --lang ko`), \
            else the environment's; every word Madang writes is in it, and dates are written \
            as its readers write them, in the hearing's time zone.

            Examples:
              madang report smart-city-plan-4 -o report.html
              madang report smart-city-plan-4 --lang en --format txt
              madang report smart-city-plan-4 --drafts -o draft-report.html
              madang report smart-city-plan-4 --context > report.json
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The hearing's slug.") var hearing: String
    @OptionGroup var document: DocumentOptions
    @Flag(help: "Include draft responses that are not yet published, marked as drafts.") var drafts = false

    func run() async throws {
        let workspace = try await database.open()
        let request = document.request(drafts: drafts)
        let text = document.context
            ? try Console.json(try await workspace.reportContext(hearing, request)) + "\n"
            : try await workspace.report(hearing, request)
        try document.write(text)
    }
}

/// The options of a document a hearing prints: format, language, output file, template.
struct DocumentOptions: ParsableArguments {
    @Option(help: "The output format: md, html or txt (default: from the -o file's extension, else md).") var format: DigestFormat?
    @Option(help: ArgumentHelp("The language: ko or en (default: the hearing's, else the environment's).", valueName: "language"))
    var lang: DocumentLanguage?
    @Option(help: ArgumentHelp("Render this Mustache template instead of the built-in one.", valueName: "file"))
    var template: String?
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output (- for standard output).", valueName: "file"))
    var output: String?
    @Flag(help: "Print the data a template receives, as JSON.")
    var context = false

    /// `--format`, else what the output file's extension says, else Markdown.
    var chosenFormat: DigestFormat {
        if let format { return format }
        switch output.map({ URL(fileURLWithPath: $0).pathExtension.lowercased() }) {
        case "html", "htm": return .html
        case "txt", "text": return .txt
        default: return .md
        }
    }

    func request(drafts: Bool = false) -> DocumentRequest {
        DocumentRequest(
            format: chosenFormat, language: lang,
            defaultLanguage: DocumentLanguage.from(environment: ProcessInfo.processInfo.environment), drafts: drafts,
            templateFile: template)
    }

    /// Writes `text` to the output file, or to standard output.
    func write(_ text: String) throws {
        guard let output, output != "-" else { return try Console.writeOut(Data(text.utf8)) }
        try OutputFile.write(text, to: output)
        print("Wrote \(output).")
    }
}
