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

/// Files every item of a hearing under its goals, and says how it went: the rules,
/// and a model learned from people's tags (and a labelled file, if given).
enum Categorizing {
    struct Summary {
        var items: Int
        var categorized: Int
        var stored: [TagSource: Int]
        /// Tag rows written (new, changed or taken off); the others were as proposed already.
        var changed: Int
        /// The model used: its version and training size; nil when there is none yet.
        var model: (version: Int, trainingSize: Int, trainedNow: Bool)?
        /// Time spent tagging (the categorizer itself), apart from reading and storing.
        var taggingSeconds: Double = 0

        var line: String {
            var text = "Filed \(categorized) of \(items) items under goals (\(stored[.rule] ?? 0) rule tags, "
                + "\(stored[.model] ?? 0) model tags); \(items - categorized) match no goal and stay uncategorized."
                + (changed == 0 ? "\nNo tag changed, so none was written."
                    : "\n\(changed) tag\(changed == 1 ? "" : "s") new, changed or taken off: only \(changed == 1 ? "it was" : "these were") written.")
            if let model {
                text += "\nModel v\(model.version), \(model.trainedNow ? "trained now" : "trained earlier") on \(model.trainingSize) labelled texts."
            } else {
                text += "\nNo model yet: it learns once people have tagged \(Categorizer.minimumTrainingSize) items under two goals or more (madang tag), or from --train FILE."
            }
            return text
        }
    }

    /// Trains the model when there is something to learn from, then files every item, streaming.
    static func run(
        store: Store, hearing: Hearing, training extra: LabeledData? = nil,
        onItem: (Item, [Tag]) -> Void = { _, _ in }
    ) throws -> Summary {
        let hearingID = hearing.id ?? 0
        let goals = try store.goals(hearingID: hearingID)
        let codes = Set(goals.map(\.code))
        let people = try store.personLabels(hearingID: hearingID)
        var texts = people.map(\.item.text), labels = people.map(\.goalCode)
        if let extra {
            let unknown = Set(extra.labels).subtracting(codes)
            guard unknown.isEmpty else {
                throw CLIError("The training file's labels must be goal ids of \(hearing.slug) (\(goals.map(\.code).joined(separator: ", "))); these are not: \(unknown.sorted().joined(separator: ", ")).")
            }
            texts += extra.texts
            labels += extra.labels
        }
        var modelInfo: (Int, Int, Bool)?
        var model: LinearModel?
        let previous = try store.model(hearingID: hearingID)
        switch Categorizer.plan(texts: texts, goalCodes: labels, stored: (previous != nil, previous?.trainingDigest)) {
        case .train(let digest):
            let trained = LinearModel(texts: texts, labels: labels)
            let version = try store.saveModel(hearingID: hearingID, data: try Categorizer.encode(trained),
                                              trainingSize: trained.trainingSize, trainingDigest: digest)
            (model, modelInfo) = (trained, (version, trained.trainingSize, true))
        case .useStored:
            if let previous {
                (model, modelInfo) = (try Categorizer.decode(previous.data), (previous.version, previous.trainingSize, false))
            }
        case .none:
            break
        }
        let categorizer = Categorizer(goals: goals, model: model, modelVersion: modelInfo?.0)
        var categorized = 0
        let (items, stored, changed, tagging) = try store.retag(hearingID: hearingID, classify: categorizer.tags(for:)) { item, tags in
            if !tags.isEmpty { categorized += 1 }
            onItem(item, tags)
        }
        return Summary(items: items, categorized: categorized, stored: stored, changed: changed,
                       model: modelInfo.map { (version: $0.0, trainingSize: $0.1, trainedNow: $0.2) },
                       taggingSeconds: tagging)
    }
}
