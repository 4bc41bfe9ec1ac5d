import MadangCategorizer
import MadangCore
import MadangStore

/// Files opinions that arrive into a grouped hearing's campaigns, one after another, without
/// grouping the hearing again: an opinion joins the campaign whose letter it copies, found
/// through the letters' kept sketches, or else the mad-libs campaign whose phrases make it
/// up. What it adds to its letter is read as grouping reads it, and a mad-libs campaign
/// counts the phrases of each variant that joins it.
struct CampaignArrivals {
    private let store: Store
    private let hearingID: Int64
    private let finder = CampaignFinder()
    /// The phrases of the hearing's mad-libs campaigns, as they grow.
    private var phrased: [(campaignID: Int64, phrases: LetterPhrases)]
    private var grown = Set<Int64>()
    /// The sketches of the letters met so far, by campaign: an import's opinions meet the
    /// same letters again and again.
    private var letters: [Int64: CampaignSketch] = [:]
    /// Each campaign's reader of additions, made the first time a member joins it.
    private var readers: [Int64: CampaignAddition] = [:]

    init(hearingID: Int64, store: Store) throws {
        self.store = store
        self.hearingID = hearingID
        phrased = try store.campaignPhrases(hearingID: hearingID)
    }

    /// The campaign `text` (sketched as `sketch`) joins, if any, and what it adds to the letter.
    mutating func campaign(of text: (id: Int64, text: String), sketch: CampaignSketch) throws -> (campaignID: Int64, addition: String?)? {
        let candidates = try store.campaignIDs(hearingID: hearingID, bandKeys: sketch.bandKeys)
        for letter in try store.campaignLetters(ids: candidates.filter { letters[$0] == nil }) {
            letters[letter.id] = CampaignSketch(grams: letter.grams, signature: letter.signature)
        }
        let best = candidates.compactMap { id in letters[id].map { (id: id, letter: $0) } }
            .filter { finder.similar(sketch, $0.letter) }
            .max { ($0.letter.resemblance(sketch), -$0.id) < ($1.letter.resemblance(sketch), -$1.id) }
        let copy = best.map { $0.letter.grams == sketch.grams && $0.letter.signature == sketch.signature } ?? false
        guard let campaignID = best?.id ?? mostCovering(sketch) else { return nil }
        if let index = phrased.firstIndex(where: { $0.campaignID == campaignID }) {
            phrased[index].phrases.add(sketch.sample)
            grown.insert(campaignID)
        }
        return (campaignID, copy ? nil : try reader(campaignID).addition(of: text.text))
    }

    /// The mad-libs campaign whose phrases cover most of the opinion sketched as `sketch`, if
    /// it is a variant of any.
    private func mostCovering(_ sketch: CampaignSketch) -> Int64? {
        phrased.compactMap { entry in finder.variant(sketch, of: entry.phrases).map { (entry.campaignID, $0) } }
            .max { ($0.1, -$0.0) < ($1.1, -$1.0) }?.0
    }

    /// Keeps the phrases of the mad-libs campaigns that grew.
    func save() throws {
        try store.saveCampaignPhrases(phrased.filter { grown.contains($0.campaignID) })
    }

    /// Campaign `id`'s reader of additions; a mad-libs campaign's reads some members beside its letter.
    private mutating func reader(_ id: Int64) throws -> CampaignAddition {
        if let reader = readers[id] { return reader }
        let fellows = phrased.contains { $0.campaignID == id }
            ? try store.campaignTexts(ids: try store.campaignMemberIDs(id, limit: 48)).map(\.text) : []
        let reader = CampaignAddition(letter: try store.campaignLetterText(id: id), variants: fellows)
        readers[id] = reader
        return reader
    }
}
