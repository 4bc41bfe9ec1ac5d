import ArgumentParser
import Foundation
import MadangCore
import MadangService

struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find a hearing's opinions by words in their title or text, best matches first.",
        discussion: """
            Every word must appear; a word also matches the start of longer words (park finds \
            parking). Korean words are found inside longer words and before particles: 교통 finds \
            교통이 and 대중교통.

            Examples:
              madang search smart-city-plan-4 데이터허브
              madang search smart-city-plan-4 private companies --limit 5
              madang search smart-city-plan-4 교통 --json
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The hearing's slug.") var hearing: String
    @Argument(help: "The words to look for.") var words: [String]
    @Option(help: "Show at most this many matches.") var limit = 20
    @OptionGroup var output: JSONFlag

    func validate() throws {
        guard !words.isEmpty else { throw ValidationError("Give at least one word to search for.") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1.") }
    }

    func run() async throws {
        let query = words.joined(separator: " ")
        let colour = !output.json && Console.outputIsColourTerminal
        // In colour, the matches are marked with two private-use characters, replaced by the
        // terminal's underline once the citizen's text itself is made safe to print.
        let marks = colour ? ("\u{E000}", "\u{E001}") : ("[", "]")
        let hits = try await database.open().search(hearing, for: query, limit: limit, highlight: marks)
        if output.json { return try Console.printJSON(hits) }
        guard !hits.isEmpty else { return print("Nothing in \(hearing) matches \"\(query)\".") }
        print("\(Count.of(hits.count, "match", plural: "matches")) for \"\(query)\" in \(hearing):\n")
        for hit in hits {
            let by = Items.by(hit.item)
            print("#\(hit.item.id ?? 0) \(hit.item.kind.rawValue)\(by.isEmpty ? "" : " · \(Text.displayable(by))")")
            var snippet = Text.displayable(hit.snippet.split(whereSeparator: \.isNewline).joined(separator: " "))
            if colour {
                snippet = snippet.replacingOccurrences(of: "\u{E000}", with: "\u{1B}[1;4m")
                    .replacingOccurrences(of: "\u{E001}", with: "\u{1B}[0m")
            }
            print("   " + snippet)
        }
    }
}
