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
        // The last document each term was counted in, so a term counts once per document.
        var lastDocument: [Int] = []
        var documents = 0
        var sentences: [[[Sentence]]] = []
        var ids: [Int] = []
        for group in groups {
            var groupSentences: [[Sentence]] = []
            for opinion in group {
                documents += 1
                var split: [Sentence] = []
                for text in RepresentativeQuotes.sentences(in: opinion.body) {
                    ids.removeAll(keepingCapacity: true)
                    for token in SearchTokenizer.tokens(in: text) where !RepresentativeQuotes.isOneCharacter(token.text) {
                        let id: Int
                        if let known = vocabulary[token.text] {
                            id = known
                        } else {
                            id = vocabulary.count
                            vocabulary[token.text] = id
                            documentFrequency.append(0)
                            lastDocument.append(0)
                        }
                        ids.append(id)
                        if lastDocument[id] != documents {
                            lastDocument[id] = documents
                            documentFrequency[id] += 1
                        }
                    }
                    ids.sort()
                    var vector: Vector = []
                    for id in ids {
                        if vector.last?.term == id { vector[vector.count - 1].weight += 1 } else { vector.append((id, 1)) }
                    }
                    split.append(Sentence(text: text, vector: vector))
                }
                groupSentences.append(split)
            }
            sentences.append(groupSentences)
        }
        self.groups = groups
        self.sentences = sentences
        self.idf = documentFrequency.map { log(Double(max(documents, 1)) / Double($0)) }
    }

    /// True when `token` is a single Unicode scalar ("a", "세"): too little to weigh.
    static func isOneCharacter(_ token: String) -> Bool {
        guard let lead = token.utf8.first else { return true }
        return token.utf8.count <= max(UTF8Walk.sequenceLength(lead: lead), 1)
    }

    /// Up to `limit` quotes for group `group`, best first.
    func quotes(group: Int, limit: Int) -> [Quote] {
        let opinions = sentences[group]
        guard !opinions.isEmpty, limit > 0 else { return [] }
        // The centre: the mean of the opinions' unit TF-IDF vectors.
        var centre = [Double](repeating: 0, count: idf.count)
        var document: Vector = []
        for split in opinions {
            document.removeAll(keepingCapacity: true)
            for sentence in split { document += sentence.vector }
            document.sort { $0.term < $1.term }
            var counts: Vector = []
            for (term, count) in document {
                if counts.last?.term == term { counts[counts.count - 1].weight += count } else { counts.append((term, count)) }
            }
            for (term, weight) in unit(weighted(counts)) { centre[term] += weight / Double(opinions.count) }
        }
        var candidates: [(opinion: Int, sentence: Int, score: Double, vector: Vector)] = []
        for (o, split) in opinions.enumerated() {
            for (s, sentence) in split.enumerated() {
                let length = sentence.text.unicodeScalars.count
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

    /// The sentences of `text`: split at line breaks, after `.`, `!` or `?` followed
    /// by a space or a tab, and after `。`, `！` or `？`. Each is trimmed of spaces.
    /// Works on UTF-8 bytes: every boundary is ASCII or a whole three-byte sequence.
    static func sentences(in text: String) -> [String] {
        var result: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            func flush(_ end: Int) {
                var (from, to) = (start, end)
                while from < to && (bytes[from] == 0x20 || bytes[from] == 0x09) { from += 1 }
                while to > from && (bytes[to - 1] == 0x20 || bytes[to - 1] == 0x09) { to -= 1 }
                if to > from { result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)) }
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    flush(index)
                    start = index + 1
                } else if (byte == 0x2E || byte == 0x21 || byte == 0x3F) && index + 1 < bytes.count
                            && (bytes[index + 1] == 0x20 || bytes[index + 1] == 0x09) {
                    flush(index + 1)
                    start = index + 1
                } else if index + 2 < bytes.count
                            && ((byte == 0xE3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x82)
                                || (byte == 0xEF && bytes[index + 1] == 0xBC && (bytes[index + 2] == 0x81 || bytes[index + 2] == 0x9F))) {
                    flush(index + 3)
                    start = index + 3
                    index += 2
                }
                index += 1
            }
            flush(bytes.count)
        }
        return result
    }
}
