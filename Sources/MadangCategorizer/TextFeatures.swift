import Foundation
import MadangCore

/// Turns texts into sparse TF-IDF vectors: word tokens (English words, Hangul
/// bigrams, from ``SearchTokenizer``) and character 2-, 3- and 4-grams of the
/// folded text, each block weighted with sublinear term frequency and smoothed
/// inverse document frequency and scaled to unit length.
public struct TextFeatures: Codable, Sendable {
    /// A sparse vector: feature indices, ascending, and their values.
    public struct Vector: Sendable {
        public var indices: [Int32]
        public var values: [Float]
    }

    /// Feature name → index.
    private var vocabulary: [String: Int32]
    /// Inverse document frequency per feature index.
    private var idf: [Float]

    /// The number of features, plus one for the bias.
    public var dimension: Int { idf.count + 1 }

    /// Learns the vocabulary and document frequencies from `texts`.
    public init(fitting texts: [String]) {
        var documentFrequency: [String: Int] = [:]
        for text in texts {
            for key in Set(TextFeatures.terms(of: text).keys) { documentFrequency[key, default: 0] += 1 }
        }
        let keys = documentFrequency.keys.sorted()
        vocabulary = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, Int32($0.offset)) })
        let n = Float(texts.count)
        idf = keys.map { key in log((1 + n) / (1 + Float(documentFrequency[key]!))) + 1 }
    }

    /// The vector of `text`; terms never seen in fitting are left out. The last
    /// index is a constant bias feature.
    public func vector(_ text: String) -> Vector {
        var blocks: [Bool: [(Int32, Float)]] = [:]
        for (key, count) in TextFeatures.terms(of: text) {
            guard let index = vocabulary[key] else { continue }
            let weight = (1 + log(Float(count))) * idf[Int(index)]
            blocks[key.hasPrefix("w"), default: []].append((index, weight))
        }
        var pairs: [(Int32, Float)] = []
        // In index order, so the sums (and the model) do not depend on dictionary order.
        for isWords in [true, false] {
            let block = (blocks[isWords] ?? []).sorted { $0.0 < $1.0 }
            let norm = sqrt(block.reduce(0) { $0 + $1.1 * $1.1 })
            pairs += block.map { ($0.0, norm > 0 ? $0.1 / norm : 0) }
        }
        pairs.sort { $0.0 < $1.0 }
        return Vector(indices: pairs.map(\.0) + [Int32(idf.count)], values: pairs.map(\.1) + [1])
    }

    /// Term counts of a text: "w" + word tokens and "c" + character n-grams.
    static func terms(of text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for token in SearchTokenizer.tokens(in: text) { counts["w" + token.text, default: 0] += 1 }
        let folded = Array(" " + text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") + " ")
        for n in 2...4 where folded.count >= n {
            for start in 0...(folded.count - n) { counts["c" + String(folded[start..<start + n]), default: 0] += 1 }
        }
        return counts
    }
}
