import ArgumentParser
import Foundation
import MadangCore
import MadangService

struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Write a hearing's digest: its facts, the panel in speaking order, and goal by goal the counts, quotes and proposals.",
        discussion: """
            Formats: md (Markdown), html (one standalone file made for printing on A4, with charts), \
            txt (plain text wrapped at 78 columns, for a terminal or an e-mail).

            Personal data stays out: e-mail addresses, phone numbers and resident registration numbers \
            in any text are masked (the footer counts them), and citizens appear as "Citizen 12" — \
            or by initials with --initials, or by the names they gave with --show-names. Panelists \
            and officials speak on the record and are named.

            --context prints the data a template receives, as JSON; README lists every field. \
            --template renders your own Mustache template with it (the built-in partials, such as \
            {{> partials/goal.html}}, are available to it).

            Examples:
              madang digest smart-city-plan-4
              madang digest smart-city-plan-4 -o digest.html
              madang digest smart-city-plan-4 --format txt --initials
              madang digest smart-city-plan-4 --lang ko -o digest-ko.html
              madang digest smart-city-plan-4 --context > context.json
              madang digest smart-city-plan-4 --template mine.md.mustache -o digest.md
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The hearing's slug.") var hearing: String
    @OptionGroup var document: DocumentOptions
    @Flag(help: "Show citizens by their initials (김○○, J. D.) instead of by number.")
    var initials = false
    @Flag(help: "Show citizens by the names they gave. Contact details stay masked.")
    var showNames = false

    func validate() throws {
        if initials && showNames { throw ValidationError("Choose one of --initials and --show-names.") }
    }

    func run() async throws {
        let workspace = try await database.open()
        let citizens: CitizenStyle = showNames ? .names : initials ? .initials : .numbers
        let request = DigestRequest(
            format: document.chosenFormat, templateFile: document.template, citizens: citizens, language: document.lang,
            defaultLanguage: DocumentLanguage.from(environment: ProcessInfo.processInfo.environment))
        let text = if document.context {
            try Console.json(try await workspace.digestContext(hearing, request)) + "\n"
        } else {
            try await workspace.digest(hearing, request)
        }
        let filing = try await workspace.filingState(hearing)
        if filing.decisionsSinceModel > 0, let version = filing.modelVersion {
            Console.error("Note: \(Count.of(filing.decisionsSinceModel, "decision")) by people came after the learned model "
                + "(version \(version)) was trained; `madang categorize \(hearing)` learns from them and files the items again.")
        }
        try document.write(text)
    }
}
