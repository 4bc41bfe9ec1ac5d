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
