import ArgumentParser
import Foundation
import MadangCore
import MadangService

struct GoalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goals", abstract: "Load and list a hearing's policy-goal taxonomy.", subcommands: [Load.self, List.self])

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a taxonomy (YAML, or CSV with goal_id,goal_name,term) and file every item under it.",
            discussion: """
                Loading again replaces the taxonomy: goals are matched by id, and every machine tag is \
                made anew from the new terms. People's tags are never touched. A file with a mistake \
                is reported with its line and column and changes nothing.

                Examples:
                  madang goals load plan-4 examples/smart-city-plan-4.goals.yaml
                  madang goals load plan-4 goals.csv
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var hearing: String
        @Argument(help: "The taxonomy file (.yaml, .yml or .csv).") var file: String

        func run() async throws {
            let load = try await database.open().loadGoals(into: hearing, from: file)
            print("Loaded \(load.goals) goals and \(load.strategies) strategies for \(hearing).")
            let update = load.update
            for (label, codes) in [("added", update.added), ("changed", update.changed), ("removed", update.removed)] where !codes.isEmpty {
                print("  \(label): \(codes.joined(separator: ", "))")
            }
            if !update.kept.isEmpty {
                print("  kept, because people filed items under them: \(update.kept.joined(separator: ", "))")
            }
            print(CategorizeCommand.summary(load.filing))
        }
    }

    struct List: AsyncParsableCommand {
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

        func run() async throws {
            let goals = try await database.open().goals(of: hearing)
            if output.json { return try Console.printJSON(goals.map(\.goal)) }
            guard !goals.isEmpty else { return print("No goals yet. Load a taxonomy with: madang goals load \(hearing) FILE") }
            var table = TextTable(header: ["GOAL", "ITEMS", "TERMS", "NAME"], maximumCellWidth: 70)
            for listing in goals {
                let goal = listing.goal
                table.append([(goal.parentCode == nil ? "" : "  ") + goal.code, String(listing.items),
                              String(goal.terms.count), goal.name])
            }
            print(table.rendered())
        }
    }
}
