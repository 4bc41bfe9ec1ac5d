import Foundation

/// What members of a campaign add to its letter, sentence by sentence: the letter is read
/// once, then each member's sentences are looked up in it.
public struct CampaignAddition: Sendable {
    /// The keys of the letter's sentences' 4-gram sets.
    private let known: Set<UInt64>
    private let reference: Set<UInt32>

    /// Reads the campaign's letter and, for a campaign of mad-libs variants, some of its
    /// members: what two or more of them say is the campaign's too, so a member's choice
    /// among synonyms is not taken for something it added.
    public init(letter: String, variants: [String] = []) {
        var known = Set(CampaignAddition.sentences(letter).map { CampaignSketch.setKey(CampaignSketch.grams($0)) })
        var reference = Set(CampaignSketch.grams(letter))
        if !variants.isEmpty {
            var sentenceHolders: [UInt64: Int] = [:], gramHolders: [UInt32: Int] = [:]
            for text in variants {
                for key in Set(CampaignAddition.sentences(text).map({ CampaignSketch.setKey(CampaignSketch.grams($0)) })) {
                    sentenceHolders[key, default: 0] += 1
                }
                for gram in CampaignSketch.grams(text) { gramHolders[gram, default: 0] += 1 }
            }
            known.formUnion(sentenceHolders.filter { $0.value >= 2 }.keys)
            reference.formUnion(gramHolders.filter { $0.value >= 2 }.keys)
        }
        self.known = known
        self.reference = reference
    }

    /// The sentences of `member` the letter does not hold, or nil when it adds nothing.
    public func addition(of member: String) -> String? {
        let added = CampaignAddition.sentences(member).filter { sentence in
            let grams = CampaignSketch.grams(sentence)
            guard !grams.isEmpty, !known.contains(CampaignSketch.setKey(grams)) else { return false }
            // A sentence mostly found in the letter is the letter's, lightly edited.
            let found = grams.reduce(0) { $0 + (reference.contains($1) ? 1 : 0) }
            return Double(found) < 0.6 * Double(grams.count)
        }
        return added.isEmpty ? nil : added.joined(separator: " ")
    }

    /// The text's sentences, each ending at . ! ? 。 or a line break, trimmed.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        func close(_ end: String.Index) {
            let sentence = text[start..<end].trimmingCharacters(in: .whitespacesAndNewlines)
            if !sentence.isEmpty { result.append(sentence) }
        }
        for index in scalars.indices where ".!?。\n".unicodeScalars.contains(scalars[index]) {
            let end = scalars.index(after: index)
            close(end)
            start = end
        }
        close(scalars.endIndex)
        return result
    }
}
