import ArgumentParser
import MadangCore
import MadangDigest
import MadangStore

struct Items: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List a hearing's opinions: statements in speaking order, then comments and proposals.",
        discussion: """
            Examples:
              madang items smart-city-plan-4
              madang items smart-city-plan-4 --kind statement
              madang items smart-city-plan-4 --goal G2
              madang items smart-city-plan-4 --json > items.json
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The hearing's slug.") var hearing: String
    @Option(help: "Only items of this kind.") var kind: ItemKind?
    @Option(help: "Only items filed under this goal (its id, such as G2).") var goal: String?
    @OptionGroup var output: JSONFlag

    func run() throws {
        let store = try database.open()
        let items = try store.items(hearingID: try store.hearing(slug: hearing).id ?? 0, kind: kind, goal: goal)
        if output.json { return try Console.printJSON(items) }
        guard !items.isEmpty else { return print("No items yet.") }
        var table = TextTable(header: ["ID", "KIND", "ORDER", "BY", "TEXT"])
        for item in items {
            table.append([
                String(item.id ?? 0), item.kind.rawValue, item.speakingOrder.map(String.init) ?? "",
                TextTable.truncate(Items.by(item), to: 32), item.title.map { "\($0) — \(item.body)" } ?? item.body,
            ])
        }
        print(table.rendered())
    }

    /// Who an item is from, for a listing: the speaker, the group, or the author.
    static func by(_ item: Item) -> String {
        switch item.kind {
        case .statement: item.speaker ?? ""
        case .proposal: [item.group, item.supporters.map { "\($0) supporters" }].compactMap { $0 }.joined(separator: ", ")
        case .comment: item.author ?? ""
        }
    }
}
