import ArgumentParser
import MadangCategorizer
import MadangCore
import MadangDigest
import MadangStore

struct CategorizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "categorize",
        abstract: "File every item of a hearing under the goals whose terms it contains.",
        discussion: """
            Machine tags are worked out anew each time, and only those that changed are written \
            (a tag proposed again as it stands keeps the time it was first filed); a person's tag or \
            untag always stays. Items that match no goal are listed as uncategorized, not forced under one. The taxonomy's terms \
            give rule tags; a model learned from people's tags (and --train FILE) adds its best goal \
            where the rules found none. The model is kept in the database with its version.

            Examples:
              madang categorize smart-city-plan-4
              madang categorize smart-city-plan-4 --explain
              madang categorize smart-city-plan-4 --train labelled.csv
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The hearing's slug.") var hearing: String
    @Flag(help: "For every item, print its goals, scores and the terms that matched.") var explain = false
    @Option(help: ArgumentHelp("Also learn from this labelled CSV (text and goal-id columns).", valueName: "file"))
    var train: String?
    @Flag(help: "Also print how long tagging took, apart from reading and storing (for benchmarks).") var timings = false

    func run() throws {
        let start = ContinuousClock.now
        let store = try database.open()
        let hearing = try store.hearing(slug: self.hearing)
        guard !(try store.goals(hearingID: hearing.id ?? 0)).isEmpty else {
            throw CLIError("\(hearing.slug) has no goals yet. Load its taxonomy first: madang goals load \(hearing.slug) FILE")
        }
        let people = explain
            ? Dictionary(grouping: try store.tags(hearingID: hearing.id ?? 0, source: .person), by: \.itemID)
            : [:]
        var uncategorized: [String] = []
        func line(_ item: Item) -> String {
            "#\(item.id ?? 0) \(item.kind.rawValue): \(TextTable.truncate(item.body.split(whereSeparator: \.isNewline).joined(separator: " "), to: 70))"
        }
        let training = try train.map { try LabeledData(path: $0) }
        let summary = try Categorizing.run(store: store, hearing: hearing, training: training) { item, results in
            guard explain else { return }
            let decided = people[item.id ?? 0] ?? []
            guard !results.isEmpty || !decided.isEmpty else {
                uncategorized.append(line(item))
                return
            }
            print(line(item))
            for result in results {
                print("   \(result.goalCode) score \(String(format: "%.2f", result.score ?? 0)) (\(result.source.rawValue)): \(result.evidence.joined(separator: ", "))")
            }
            for tag in decided {
                print("   \(tag.goalCode) (person: \(tag.taggedBy ?? "someone"))")
            }
        }
        if explain {
            if !uncategorized.isEmpty {
                print("\nUncategorized (no goal's terms found):")
                uncategorized.forEach { print("   " + $0) }
            }
            print("")
        }
        print(summary.line)
        if timings {
            let seconds = summary.taggingSeconds
            // Tagging runs on a second thread beside the reading and storing, so the two overlap.
            print(String(format: "Timing: tagging %.3f s (%.0f items/s, on a second thread beside reading and storing); whole run %.3f s.",
                         seconds, Double(summary.items) / max(seconds, 1e-9), start.duration(to: .now).seconds))
        }
    }
}

private extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// What `tag` and `untag` take: an item and a goal.
struct DecisionArguments: ParsableArguments {
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The item's id, as `madang items` shows it.") var item: Int64
    @Argument(help: "The goal's id, as `madang goals list` shows it.") var goal: String

    func decide(tagged: Bool) throws {
        try database.open().decide(itemID: item, goalCode: goal, tagged: tagged)
    }
}

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "File an item under a goal yourself; a person's decision always wins over the machine's.",
        discussion: """
            Examples:
              madang tag 42 G2
            """)

    @OptionGroup var decision: DecisionArguments

    func run() throws {
        try decision.decide(tagged: true)
        print("Item #\(decision.item) is filed under \(decision.goal) by \(decision.database.actor); re-categorizing will keep it.")
    }
}

struct UntagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "untag",
        abstract: "Take an item out of a goal yourself; the machine will not put it back.",
        discussion: """
            Examples:
              madang untag 42 G1
            """)

    @OptionGroup var decision: DecisionArguments

    func run() throws {
        try decision.decide(tagged: false)
        print("Item #\(decision.item) is out of \(decision.goal) by \(decision.database.actor)'s decision; re-categorizing will not put it back.")
    }
}
