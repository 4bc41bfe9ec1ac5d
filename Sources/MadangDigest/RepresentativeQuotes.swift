import Foundation
import MadangCore
import MadangStore

/// Chooses the sentences that best represent a group of opinions: those closest to
/// the group's centre.
///
/// Every opinion and sentence becomes a TF-IDF vector over its words (Hangul as
/// overlapping syllable pairs, so particles do not hide a word), with the inverse
/// document frequencies taken over all the groups together, so words every opinion
/// uses weigh nothing. A group's centre is the mean of its opinions' unit vectors;
/// a sentence's score is its cosine with that centre. The best sentences are taken
/// one per opinion, skipping any too like one already taken.
struct RepresentativeQuotes {
    /// A sentence chosen to quote.
    struct Quote {
        var opinion: DigestRecords.Opinion
        var sentence: String
        var score: Double
    }

    /// A sparse vector, sorted by term, so sums run in the same order every time.
    private typealias Vector = [(term: Int, weight: Double)]

    private struct Sentence {
        var text: String
        /// Term counts.
        var vector: Vector
    }

    private let groups: [[DigestRecords.Opinion]]
    /// For each group, each opinion's sentences with their (unweighted) term counts.
    private let sentences: [[[Sentence]]]
    private let idf: [Double]

    /// Sentences shorter than this many characters are not quoted alone.
    static let shortest = 20
    /// Nor longer than this.
    static let longest = 320

    init(groups: [[DigestRecords.Opinion]]) {
        var vocabulary: [String: Int] = [:]
        var documentFrequency: [Int] = []
        var documents = 0
        var sentences: [[[Sentence]]] = []
        for group in groups {
            var groupSentences: [[Sentence]] = []
            for opinion in group {
                var seen: Set<Int> = []
                var split: [Sentence] = []
                for text in RepresentativeQuotes.sentences(in: opinion.body) {
                    var counts: [Int: Double] = [:]
                    for token in SearchTokenizer.tokens(in: text) where token.text.unicodeScalars.count >= 2 {
                        let id: Int
                        if let known = vocabulary[token.text] {
                            id = known
                        } else {
                            id = vocabulary.count
                            vocabulary[token.text] = id
                            documentFrequency.append(0)
                        }
                        counts[id, default: 0] += 1
                        if seen.insert(id).inserted { documentFrequency[id] += 1 }
                    }
                    split.append(Sentence(text: text, vector: counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
                }
                documents += 1
                groupSentences.append(split)
            }
            sentences.append(groupSentences)
        }
        self.groups = groups
        self.sentences = sentences
        self.idf = documentFrequency.map { log(Double(max(documents, 1)) / Double($0)) }
    }

    /// Up to `limit` quotes for group `group`, best first.
    func quotes(group: Int, limit: Int) -> [Quote] {
        let opinions = sentences[group]
        guard !opinions.isEmpty, limit > 0 else { return [] }
        // The centre: the mean of the opinions' unit TF-IDF vectors.
        var centre = [Double](repeating: 0, count: idf.count)
        for split in opinions {
            var document: [Int: Double] = [:]
            for sentence in split {
                for (term, count) in sentence.vector { document[term, default: 0] += count }
            }
            let counts: Vector = document.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            for (term, weight) in unit(weighted(counts)) { centre[term] += weight / Double(opinions.count) }
        }
        var candidates: [(opinion: Int, sentence: Int, score: Double, vector: Vector)] = []
        for (o, split) in opinions.enumerated() {
            for (s, sentence) in split.enumerated() {
                let length = sentence.text.count
                guard length >= RepresentativeQuotes.shortest || split.count == 1,
                      length <= RepresentativeQuotes.longest else { continue }
                let vector = unit(weighted(sentence.vector))
                guard !vector.isEmpty else { continue }
                let score = vector.reduce(0) { $0 + $1.weight * centre[$1.term] }
                candidates.append((o, s, score, vector))
            }
        }
        candidates.sort { ($0.score, $1.opinion, $1.sentence) > ($1.score, $0.opinion, $0.sentence) }
        var chosen: [Quote] = []
        var chosenVectors: [Vector] = []
        var usedOpinions: Set<Int> = []
        for candidate in candidates where !usedOpinions.contains(candidate.opinion) {
            if chosenVectors.contains(where: { dot($0, candidate.vector) > 0.6 }) { continue }
            usedOpinions.insert(candidate.opinion)
            chosenVectors.append(candidate.vector)
            chosen.append(Quote(
                opinion: groups[group][candidate.opinion],
                sentence: opinions[candidate.opinion][candidate.sentence].text, score: candidate.score))
            if chosen.count == limit { break }
        }
        return chosen
    }

    private func weighted(_ counts: Vector) -> Vector {
        counts.compactMap { idf[$0.term] > 0 ? ($0.term, $0.weight * idf[$0.term]) : nil }
    }

    private func unit(_ vector: Vector) -> Vector {
        let norm = vector.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        guard norm > 0 else { return [] }
        return vector.map { ($0.term, $0.weight / norm) }
    }

    /// The dot product of two sorted sparse vectors.
    private func dot(_ a: Vector, _ b: Vector) -> Double {
        var (i, j, sum) = (0, 0, 0.0)
        while i < a.count && j < b.count {
            if a[i].term == b[j].term {
                sum += a[i].weight * b[j].weight
                i += 1
                j += 1
            } else if a[i].term < b[j].term {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    /// The sentences of `text`: split at line breaks, and after `.`, `!`, `?` (and
    /// their full-width forms) followed by a space or the end. Each is trimmed.
    static func sentences(in text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var previous: Character?
        func flush() {
            let sentence = current.trimmingCharacters(in: .whitespaces)
            if !sentence.isEmpty { result.append(sentence) }
            current = ""
        }
        for character in text {
            if character.isNewline {
                flush()
            } else if character.isWhitespace, let previous, ".!?".contains(previous) {
                flush()
            } else {
                current.append(character)
                if "。！？".contains(character) { flush() }
            }
            previous = character
        }
        flush()
        return result
    }
}
