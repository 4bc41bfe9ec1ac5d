/// The score a learned model's best goal must reach before the model files an item,
/// chosen by cross-validation on the examples it learned from: the lowest score at which
/// the goals it would have given the held-out examples were right often enough.
public struct ModelThreshold: Codable, Hashable, Sendable {
    /// The lowest score at which the model files an item; nil when it never reached the
    /// precision asked for, so it files nothing.
    public var score: Float?
    /// The share of held-out examples at or above ``score`` whose goal was right (at the
    /// best score seen, when ``score`` is nil).
    public var precision: Double
    /// The share of held-out examples at or above ``score``: how much the model speaks.
    public var coverage: Double
    /// How many held-out examples it was measured on.
    public var examples: Int
    /// The precision asked for.
    public var target: Double

    /// The precision a model must give, in cross-validation, for the items it files.
    public static let targetPrecision = 0.8

    /// Measures the model's held-out scores on `texts` and their `labels` in up to five
    /// stratified folds, and picks the lowest positive score at which at least `target`
    /// of the examples scored as high were labelled right.
    public static func crossValidated(
        texts: [String], labels: [String], target: Double = targetPrecision, seed: UInt64 = 42
    ) -> ModelThreshold {
        let folds = min(5, texts.count)
        guard folds >= 2 else { return ModelThreshold(score: nil, precision: 0, coverage: 0, examples: texts.count, target: target) }
        let held = Evaluation.outOfFold(texts: texts, labels: labels, folds: folds, seed: seed)
        let ranked = zip(held, labels).map { (score: $0.score, right: $0.label == $1) }
            .filter { $0.score > 0 }
            .sorted { $0.score > $1.score }
        var right = 0
        var best: (score: Float, precision: Double, count: Int)?
        var bestPrecision = 0.0
        for (index, example) in ranked.enumerated() {
            if example.right { right += 1 }
            // Only where the score changes: ties stand or fall together.
            if index + 1 < ranked.count && ranked[index + 1].score == example.score { continue }
            let precision = Double(right) / Double(index + 1)
            bestPrecision = max(bestPrecision, precision)
            if precision >= target { best = (example.score, precision, index + 1) }
        }
        guard let best else {
            return ModelThreshold(score: nil, precision: bestPrecision, coverage: 0, examples: texts.count, target: target)
        }
        return ModelThreshold(
            score: best.score, precision: best.precision, coverage: Double(best.count) / Double(texts.count),
            examples: texts.count, target: target)
    }
}
