import ArgumentParser
import MadangCore
import MadangService

struct Items: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List a hearing's opinions: statements in speaking order, then comments and proposals.",
        discussion: """
            Examples:
              madang items smart-city-plan-4
              madang items smart-city-plan-4 --kind statement
              madang items smart-city-plan-4 --goal G2
              madang items smart-city-plan-4 --limit 50 --offset 100
              madang items smart-city-plan-4 --withdrawn
              madang items smart-city-plan-4 --json > items.json
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The hearing's slug.") var hearing: String
    @Option(help: "Only items of this kind.") var kind: ItemKind?
    @Option(help: "Only items filed under this goal (its id, such as G2).") var goal: String?
    @Flag(help: "Also list the items taken off the record, marked as withdrawn.") var withdrawn = false
    @Option(help: "Show at most this many items.") var limit: Int?
    @Option(help: "Pass over this many items first.") var offset = 0
    @OptionGroup var output: JSONFlag

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
        if offset < 0 { throw ValidationError("--offset cannot be negative.") }
    }

    func run() async throws {
        let page = try await database.open().items(
            of: hearing, kind: kind, goal: goal, withdrawn: withdrawn, page: ItemPage.Request(offset: offset, limit: limit), withGoals: output.json)
        if output.json {
            return try Console.printJSON(page.items.map {
                Listed(item: $0, goals: page.goals[$0.id ?? 0] ?? [], campaign: page.campaigns[$0.id ?? 0])
            })
        }
        guard !page.items.isEmpty else { return print(offset > 0 ? "No items after the first \(offset)." : "No items yet.") }
        var table = TextTable(header: ["ID", "KIND", "ORDER", "BY", "TEXT"])
        for item in page.items {
            table.append([
                String(item.id ?? 0), item.kind.rawValue, item.speakingOrder.map(String.init) ?? "",
                TextTable.truncate(Items.by(item), to: 32),
                (item.withdrawal.map { "[withdrawn: \($0.reason)] " } ?? "") + (item.title.map { "\($0) — \(item.body)" } ?? item.body),
            ])
        }
        print(table.rendered())
        if let next = page.next { print("More follow: add --offset \(next.offset) to see the next \(next.limit ?? 0).") }
    }

    /// An item as `--json` lists it: its own fields, and the goals it is filed under.
    struct Listed: Encodable {
        struct Goal: Encodable {
            var id: String
            var source: String
            var score: Double?
        }

        var item: Item
        var goals: [Goal]
        var campaign: Int64?

        init(item: Item, goals: [Tag], campaign: Int64?) {
            self.item = item
            self.goals = goals.map { Goal(id: $0.goalCode, source: $0.source.rawValue, score: $0.score) }
            self.campaign = campaign
        }

        private enum Keys: String, CodingKey { case goals, withdrawn, campaign }

        func encode(to encoder: any Encoder) throws {
            try item.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(goals, forKey: .goals)
            try container.encode(item.withdrawal != nil, forKey: .withdrawn)
            try container.encode(campaign, forKey: .campaign)
        }
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
