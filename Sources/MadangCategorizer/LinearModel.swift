import MadangCore
import Foundation

/// A one-vs-rest linear support vector machine over ``TextFeatures``: for each
/// label, weights that score how much a text belongs to it.
///
/// Trained by dual coordinate descent for the L2-regularized squared hinge loss
/// (the method LIBLINEAR uses, Hsieh et al. 2008), with a seeded shuffle so the
/// same data always gives the same model.
///
/// ```swift
/// let model = LinearModel(texts: ["bus fares", "school meals"], labels: ["transport", "education"])
/// model.predict("bus stops") // "transport"
/// ```
public struct LinearModel: Codable, Sendable {
    public let labels: [String]
    public let features: TextFeatures
    /// One weight vector per label, each of ``TextFeatures/dimension`` values.
    private let weights: [[Float]]
    /// How many examples it learned from.
    public let trainingSize: Int
    /// The score its best goal must reach to file an item; nil for a model stored before
    /// thresholds were chosen, which files at any positive score.
    public var threshold: ModelThreshold?

    /// Learns from texts and their labels.
    ///
    /// - Parameter cost: the SVM's C: higher fits the training data more closely.
    public init(texts: [String], labels: [String], cost: Float = 1, seed: UInt64 = 42) {
        precondition(texts.count == labels.count, "one label per text")
        let features = TextFeatures(fitting: texts)
        let vectors = texts.map(features.vector)
        let classes = Array(Set(labels)).sorted()
        self.labels = classes
        self.features = features
        trainingSize = texts.count
        weights = classes.map { label in
            LinearModel.train(vectors, targets: labels.map { $0 == label ? 1 : -1 },
                              dimension: features.dimension, cost: cost, seed: seed)
        }
    }

    /// Each label's score for `text`, highest first. A positive score means the
    /// label's side of its one-vs-rest boundary.
    public func scores(_ text: String) -> [(label: String, score: Float)] {
        let vector = features.vector(text)
        return zip(labels, weights).map { label, w in
            (label, zip(vector.indices, vector.values).reduce(0) { $0 + w[Int($1.0)] * $1.1 })
        }.sorted { $0.score > $1.score }
    }

    /// Whether a best score this high is enough to file an item: at or above the chosen
    /// threshold, or (for a model without one) on the label's side of its boundary.
    public func files(at score: Float) -> Bool {
        guard let threshold else { return score > 0 }
        guard let minimum = threshold.score else { return false }
        return score >= minimum
    }

    /// The best label for `text`.
    public func predict(_ text: String) -> String {
        scores(text).first?.label ?? ""
    }

    private static func train(
        _ vectors: [TextFeatures.Vector], targets: [Float], dimension: Int, cost: Float, seed: UInt64
    ) -> [Float] {
        var w = [Float](repeating: 0, count: dimension)
        var alpha = [Float](repeating: 0, count: vectors.count)
        let diagonal = 1 / (2 * cost)
        let squaredNorms = vectors.map { $0.values.reduce(0) { $0 + $1 * $1 } + diagonal }
        var order = Array(vectors.indices)
        var random = SplitMix64(seed: seed)
        for _ in 0..<200 {
            order.shuffle(using: &random)
            var maxGradient = -Float.infinity, minGradient = Float.infinity
            for i in order {
                let x = vectors[i], y = targets[i]
                var margin: Float = 0
                for k in x.indices.indices { margin += w[Int(x.indices[k])] * x.values[k] }
                let gradient = y * margin - 1 + diagonal * alpha[i]
                let projected = alpha[i] == 0 ? min(gradient, 0) : gradient
                maxGradient = max(maxGradient, projected)
                minGradient = min(minGradient, projected)
                guard abs(projected) > 1e-12 else { continue }
                let old = alpha[i]
                alpha[i] = max(old - gradient / squaredNorms[i], 0)
                let step = (alpha[i] - old) * y
                for k in x.indices.indices { w[Int(x.indices[k])] += step * x.values[k] }
            }
            if maxGradient - minGradient < 0.1 { break }
        }
        return w
    }
}

/// A small, fast, seedable random number generator (SplitMix64), so training is repeatable.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
