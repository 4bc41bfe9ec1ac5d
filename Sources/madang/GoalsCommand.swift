import ArgumentParser
import Foundation
import MadangCategorizer
import MadangCore
import MadangDigest
import MadangStore

struct GoalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goals", abstract: "Load and list a hearing's policy-goal taxonomy.", subcommands: [Load.self, List.self])

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a taxonomy (YAML, or CSV with goal_id,goal_name,term) and file every item under it.",
            discussion: """
                Loading again replaces the taxonomy: goals are matched by id, and every machine tag is \
                made anew from the new terms. People's tags are never touched. A file with a mistake \
                is reported with its line and column and changes nothing.

                Examples:
                  madang goals load smart-city-plan-4 examples/smart-city-plan-4.goals.yaml
                  madang goals load smart-city-plan-4 goals.csv
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var hearing: String
        @Argument(help: "The taxonomy file (.yaml, .yml or .csv).") var file: String

        func run() throws {
            let goals = try TaxonomyFile.load(path: file)
            let store = try database.open()
            let hearing = try store.hearing(slug: self.hearing)
            let update = try store.replaceGoals(hearingID: hearing.id ?? 0, goals: goals)
            let goalCount = goals.filter { $0.parentCode == nil }.count
            print("Loaded \(goalCount) goals and \(goals.count - goalCount) strategies for \(hearing.slug).")
            for (label, codes) in [("added", update.added), ("changed", update.changed), ("removed", update.removed)] where !codes.isEmpty {
                print("  \(label): \(codes.joined(separator: ", "))")
            }
            if !update.kept.isEmpty {
                print("  kept, because people filed items under them: \(update.kept.joined(separator: ", "))")
            }
            let summary = try Categorizing.run(store: store, hearing: hearing)
            print(summary.line)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a hearing's goals with how many items each holds.",
            discussion: """
                Examples:
                  madang goals list smart-city-plan-4
                  madang goals list smart-city-plan-4 --json
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var hearing: String
        @OptionGroup var output: JSONFlag

        func run() throws {
            let store = try database.open()
            let hearingID = try store.hearing(slug: hearing).id ?? 0
            let goals = try store.goals(hearingID: hearingID)
            if output.json { return try Console.printJSON(goals) }
            guard !goals.isEmpty else { return print("No goals yet. Load a taxonomy with: madang goals load \(hearing) FILE") }
            let counts = Dictionary(grouping: try store.tags(hearingID: hearingID), by: \.goalCode).mapValues(\.count)
            var table = TextTable(header: ["GOAL", "ITEMS", "TERMS", "NAME"], maximumCellWidth: 70)
            for goal in goals {
                table.append([(goal.parentCode == nil ? "" : "  ") + goal.code, String(counts[goal.code] ?? 0),
                              String(goal.terms.count), goal.name])
            }
            print(table.rendered())
        }
    }
}

/// Files every item of a hearing under its goals with the rules, and says how it went.
enum Categorizing {
    struct Summary {
        var items: Int
        var categorized: Int
        var stored: Int
        var line: String {
            "Filed \(categorized) of \(items) items under goals (\(stored) rule tags); "
                + "\(items - categorized) match no goal and stay uncategorized."
        }
    }

    /// Runs the rules over every item, streaming; `onItem` sees each item with its results.
    static func run(
        store: Store, hearing: Hearing, onItem: (Item, [RuleCategorizer.Result]) -> Void = { _, _ in }
    ) throws -> Summary {
        let hearingID = hearing.id ?? 0
        let rules = RuleCategorizer(goals: try store.goals(hearingID: hearingID))
        var categorized = 0
        let (items, stored) = try store.retag(hearingID: hearingID, source: .rule) { item in
            let results = rules.categorize([item.title, item.body].compactMap { $0 }.joined(separator: "\n"))
            if !results.isEmpty { categorized += 1 }
            onItem(item, results)
            return results.map {
                Tag(itemID: item.id ?? 0, goalCode: $0.goal.code, source: .rule, score: $0.score,
                    evidence: $0.evidence.map(\.description))
            }
        }
        return Summary(items: items, categorized: categorized, stored: stored)
    }
}
