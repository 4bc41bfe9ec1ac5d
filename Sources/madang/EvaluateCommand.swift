import ArgumentParser
import Foundation
import MadangCore
import MadangService

struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure the categorizer on a labelled CSV: per-goal precision, recall, F1, macro-F1, accuracy, confusion.",
        discussion: """
            The file's text column (text, body, title or headline) and label column (label, goal, \
            major_topic or category) are found by name, or given with --text-column and --label-column.

            Without --cross-validate, the hearing's rules file each text under its best goal (or \
            "none") and the labels must be the hearing's goal ids. With --cross-validate K, the \
            learned model is trained and tested on the file alone in K stratified folds, so its labels \
            may be anything.

            Examples:
              madang evaluate plan-4 labelled.csv
              madang evaluate plan-4 labelled.csv --text-column body --label-column goal
              madang evaluate plan-4 bills.csv --cross-validate 5
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The hearing's slug.") var hearing: String
    @Argument(help: "The labelled CSV file.") var file: String
    @Option(help: "The column holding the text.") var textColumn: String?
    @Option(help: "The column holding the label.") var labelColumn: String?
    @Option(name: .customLong("cross-validate"), help: ArgumentHelp("Stratified K-fold cross-validation of the learned model.", valueName: "k"))
    var folds: Int?

    func validate() throws {
        if let folds, folds < 2 { throw ValidationError("--cross-validate takes 2 folds or more.") }
    }

    func run() async throws {
        let report = if let folds {
            try await Workspace.crossValidate(file: file, textColumn: textColumn, labelColumn: labelColumn, folds: folds)
        } else {
            try await database.open().evaluate(hearing, file: file, textColumn: textColumn, labelColumn: labelColumn)
        }
        print("\(report.texts) labelled texts from \(file) (text: \(report.textColumn), label: \(report.labelColumn)).")
        if let folds {
            print("Learned model, stratified \(folds)-fold cross-validation.\n")
        } else {
            print("The rules of \(hearing); a text that matches no goal counts as \"none\".\n")
        }
        print(EvaluateCommand.report(report))
    }

    static func report(_ evaluation: EvaluationReport) -> String {
        var table = TextTable(header: ["#", "LABEL", "PRECISION", "RECALL", "F1", "SUPPORT"], maximumCellWidth: 40)
        for (index, score) in evaluation.perLabel.enumerated() {
            table.append([String(index + 1), score.label, format(score.precision), format(score.recall), format(score.f1), String(score.support)])
        }
        var lines = [table.rendered(), "", "macro-F1 \(format(evaluation.macroF1))   accuracy \(format(evaluation.accuracy))", "",
                     "Confusion (rows: true label #, columns: predicted label #):"]
        var confusion = TextTable(header: [""] + evaluation.labels.indices.map { String($0 + 1) })
        for (index, row) in evaluation.confusion.enumerated() {
            confusion.append([String(index + 1)] + row.map { $0 == 0 ? "." : String($0) })
        }
        lines.append(confusion.rendered())
        return lines.joined(separator: "\n")
    }

    private static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
