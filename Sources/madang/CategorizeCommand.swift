import ArgumentParser
import Foundation
import MadangCore
import MadangService

struct CategorizeCommand: AsyncParsableCommand {
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

    func run() async throws {
        let start = ContinuousClock.now
        let explanation = Explanation(enabled: explain)
        let result = try await database.open().categorize(hearing, training: train) { filing in
            explanation.add(filing)
        }
        if explain {
            explanation.printUncategorized()
            print("")
        }
        print(CategorizeCommand.summary(result))
        if timings {
            let seconds = result.taggingSeconds
            // Tagging runs on a second thread beside the reading and storing, so the two overlap.
            print(String(format: "Timing: tagging %.3f s (%.0f items/s, on a second thread beside reading and storing); whole run %.3f s.",
                         seconds, Double(result.items) / max(seconds, 1e-9), start.duration(to: .now).seconds))
        }
    }

    /// What categorizing did, in three lines.
    static func summary(_ result: CategorizeResult) -> String {
        let changed = result.changed
        let unfiled = result.items - result.categorized
        var text = "Filed \(result.categorized.formatted()) of \(Count.of(result.items, "item")) under goals ("
            + "\(Count.of(result.ruleTags, "rule tag")), \(Count.of(result.modelTags, "model tag"))); "
            + "\(unfiled.formatted()) \(unfiled == 1 ? "matches" : "match") no goal and \(unfiled == 1 ? "stays" : "stay") uncategorized."
            + (changed == 0 ? "\nNo tag changed, so none was written."
                : "\n\(changed) tag\(changed == 1 ? "" : "s") new, changed or taken off: only \(changed == 1 ? "it was" : "these were") written.")
        if let model = result.model {
            text += "\nModel v\(model.version), \(model.trainedNow ? "trained now" : "trained earlier") on \(Count.of(model.trainingSize, "labelled text"))."
            if let threshold = model.threshold {
                let percent = { (share: Double) in share.formatted(.percent.precision(.fractionLength(0))) }
                if let score = threshold.score {
                    text += " It files an item the rules left unfiled only at a score of \(score.formatted(.number.precision(.fractionLength(2)))) "
                        + "or more: there, cross-validation gave a precision of \(percent(threshold.precision)) "
                        + "on \(percent(threshold.coverage)) of what it learned from."
                } else {
                    text += " It files nothing: at no score did cross-validation give the precision asked for "
                        + "(\(percent(threshold.target)); the best was \(percent(threshold.precision))). More tags by people help."
                }
            }
        } else {
            text += "\nNo model yet: it learns once people have tagged \(CategorizeResult.trainingThreshold) items under two goals or more (madang tag), or from --train FILE."
        }
        return text
    }

    /// `--explain`'s listing: each filed item as it comes, the uncategorized ones at the end.
    /// Called on the thread that stores the tags.
    final class Explanation: @unchecked Sendable {
        let enabled: Bool
        private let lock = NSLock()
        private var uncategorized: [String] = []

        init(enabled: Bool) { self.enabled = enabled }

        func add(_ filing: ItemFiling) {
            guard enabled else { return }
            lock.withLock {
                guard filing.isFiled || !filing.decisions.isEmpty else {
                    uncategorized.append(line(filing.item))
                    return
                }
                print(line(filing.item))
                for tag in filing.tags {
                    print("   \(tag.goalCode) score \(String(format: "%.2f", tag.score ?? 0)) (\(tag.source.rawValue)): \(Text.displayable(tag.evidence.joined(separator: ", ")))")
                }
                for decision in filing.decisions {
                    print("   \(decision.tagged ? "" : "not ")\(decision.goalCode) (person: \(decision.by ?? "someone"))")
                }
            }
        }

        func printUncategorized() {
            lock.withLock {
                guard !uncategorized.isEmpty else { return }
                print("\nUncategorized (no goal's terms found):")
                uncategorized.forEach { print("   " + $0) }
            }
        }

        private func line(_ item: Item) -> String {
            "#\(item.id ?? 0) \(item.kind.rawValue): \(TextTable.truncate(Text.displayable(item.body.split(whereSeparator: \.isNewline).joined(separator: " ")), to: 70))"
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

    func decide(tagged: Bool) async throws {
        try await database.open().decide(item: item, goal: goal, tagged: tagged)
    }
}

struct TagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "File an item under a goal yourself; a person's decision always wins over the machine's.",
        discussion: """
            Examples:
              madang tag 42 G2
            """)

    @OptionGroup var decision: DecisionArguments

    func run() async throws {
        try await decision.decide(tagged: true)
        print("Item #\(decision.item) is filed under \(decision.goal) by \(decision.database.actor); re-categorizing will keep it.")
    }
}

struct UntagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "untag",
        abstract: "Take an item out of a goal yourself; the machine will not put it back.",
        discussion: """
            Examples:
              madang untag 42 G1
            """)

    @OptionGroup var decision: DecisionArguments

    func run() async throws {
        try await decision.decide(tagged: false)
        print("Item #\(decision.item) is out of \(decision.goal) by \(decision.database.actor)'s decision; re-categorizing will not put it back.")
    }
}
