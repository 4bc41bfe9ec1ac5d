import ArgumentParser
import Foundation
import MadangDigest
import MadangStore

struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Write a hearing's digest: its facts, the panel in speaking order, comments and proposals.",
        discussion: """
            Citizens appear as "Citizen 1", "Citizen 2", … and their contact details are never printed; \
            panelists and officials speak on the record and are named.

            Examples:
              madang digest smart-city-plan-4                       # Markdown to standard output
              madang digest smart-city-plan-4 -o digest.md
              madang digest smart-city-plan-4 --template my-digest.md.mustache -o digest.md
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md
    }

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The hearing's slug.") var hearing: String
    @Option(help: "The output format.") var format: Format = .md
    @Option(help: ArgumentHelp("Render this Mustache template instead of the built-in one.", valueName: "file"))
    var template: String?
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let store = try database.open()
        let context = try DigestBuilder.context(store: store, slug: hearing)
        let library = try TemplateLibrary.builtIn()
        let text = if let template {
            library.render(context, with: try TemplateLibrary.parse(URL(fileURLWithPath: template)))
        } else {
            try library.render(context, template: "digest.\(format.rawValue)")
        }
        guard let output else { return print(text, terminator: "") }
        try text.write(toFile: output, atomically: true, encoding: .utf8)
        print("Wrote \(output).")
    }
}
