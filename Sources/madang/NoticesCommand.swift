import ArgumentParser
import Foundation
import MadangCore
import MadangService

struct NoticesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notices",
        abstract: "Write notices to commenters: their opinions and the published responses, one page each, or a mail-merge CSV.",
        discussion: """
            One notice for each commenter who gave an e-mail address or a phone number, \
            addressed by the name they gave, with every opinion they sent and its decision, \
            response and reason (published responses only). notices.csv holds the same for a \
            mail merge (UTF-8 with a byte-order mark, which Korean Excel opens). Notices are \
            private: they hold names and contact details; keep them out of public folders.

            Examples:
              madang notices smart-city-plan-4 -o notices.html
              madang notices smart-city-plan-4 -o notices.csv
              madang notices smart-city-plan-4 --lang en -o notices-en.html
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The hearing's slug.") var hearing: String
    @Option(help: "html (pages to print) or csv (mail merge); default: from the -o file's extension, else html.")
    var format: NoticeFormat?
    @Option(help: ArgumentHelp("The language: ko or en (default: the hearing's, else the environment's).", valueName: "language"))
    var lang: DocumentLanguage?
    @Option(help: ArgumentHelp("Render this Mustache template instead of the built-in one.", valueName: "file"))
    var template: String?
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file to write (- for standard output).", valueName: "file"))
    var output: String

    func run() async throws {
        let chosen = format ?? (URL(fileURLWithPath: output).pathExtension.lowercased() == "csv" ? .csv : .html)
        let request = DocumentRequest(
            language: lang, defaultLanguage: DocumentLanguage.from(environment: ProcessInfo.processInfo.environment),
            templateFile: template)
        let notices = try await database.open().notices(hearing, format: chosen, request)
        if output == "-" {
            try Console.writeOut(Data(notices.bytes))
        } else {
            try OutputFile.write(Data(notices.bytes), to: output, personal: true)
            print("Wrote \(output): \(Count.of(notices.commenters, "notice")) for \(Count.of(notices.opinions, "opinion")).")
        }
        if notices.unreachable > 0 {
            Console.error("\(Count.of(notices.unreachable, "commenter")) gave no e-mail address or phone number, so no notice can reach them.")
        }
    }
}

extension NoticeFormat: ExpressibleByArgument {}
