import MadangCore

/// How well predicted labels agree with true ones: per label precision, recall and
/// F1, their unweighted mean (macro-F1), accuracy, and the confusion counts.
public struct Evaluation: Sendable {
    public struct LabelScore: Sendable {
        public var label: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        /// How many examples truly carry the label.
        public var support: Int
    }

    /// Every label seen, in the truth or the predictions, sorted.
    public let labels: [String]
    public let perLabel: [LabelScore]
    public let macroF1: Double
    public let accuracy: Double
    /// `confusion[t][p]`: examples of true label `labels[t]` predicted as `labels[p]`.
    public let confusion: [[Int]]

    public init(truth: [String], predicted: [String]) {
        precondition(truth.count == predicted.count, "one prediction per example")
        let labels = Array(Set(truth).union(predicted)).sorted()
        self.labels = labels
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($0.element, $0.offset) })
        var confusion = Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count)
        for (t, p) in zip(truth, predicted) { confusion[index[t]!][index[p]!] += 1 }
        self.confusion = confusion
        let perLabel = labels.indices.map { k in
            let truePositives = Double(confusion[k][k])
            let predictedCount = Double(labels.indices.reduce(0) { $0 + confusion[$1][k] })
            let actualCount = confusion[k].reduce(0, +)
            let precision = predictedCount > 0 ? truePositives / predictedCount : 0
            let recall = actualCount > 0 ? truePositives / Double(actualCount) : 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            return LabelScore(label: labels[k], precision: precision, recall: recall, f1: f1, support: actualCount)
        }
        self.perLabel = perLabel
        macroF1 = perLabel.isEmpty ? 0 : perLabel.reduce(0) { $0 + $1.f1 } / Double(perLabel.count)
        accuracy = truth.isEmpty ? 0 : Double(labels.indices.reduce(0) { $0 + confusion[$1][$1] }) / Double(truth.count)
    }

    /// Predictions for every example from stratified `k`-fold cross-validation: each
    /// label's examples are shuffled (seeded) and dealt round-robin into `k` folds;
    /// each fold is predicted by a model trained on the others.
    public static func crossValidate(texts: [String], labels: [String], folds k: Int, seed: UInt64 = 42) -> Evaluation {
        let predicted = outOfFold(texts: texts, labels: labels, folds: k, seed: seed).map(\.label)
        return Evaluation(truth: labels, predicted: predicted)
    }

    /// For every example, the best label and its score from a model that did not see it:
    /// stratified `k`-fold cross-validation, as ``crossValidate(texts:labels:folds:seed:)``.
    public static func outOfFold(
        texts: [String], labels: [String], folds k: Int, seed: UInt64 = 42
    ) -> [(label: String, score: Float)] {
        precondition(k >= 2, "at least two folds")
        var fold = Array(repeating: 0, count: texts.count)
        var random = SplitMix64(seed: seed)
        var next = 0
        for label in Set(labels).sorted() {
            var members = labels.indices.filter { labels[$0] == label }
            members.shuffle(using: &random)
            for member in members {
                fold[member] = next % k
                next += 1
            }
        }
        var best = Array(repeating: (label: "", score: -Float.greatestFiniteMagnitude), count: texts.count)
        for f in 0..<k {
            let train = texts.indices.filter { fold[$0] != f }
            guard !train.isEmpty else { continue }
            let model = LinearModel(texts: train.map { texts[$0] }, labels: train.map { labels[$0] }, seed: seed)
            for i in texts.indices where fold[i] == f {
                if let top = model.scores(texts[i]).first { best[i] = top }
            }
        }
        return best
    }
}
