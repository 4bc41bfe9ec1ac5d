/// A campaign letter's sketch as the store keeps it, so that an opinion arriving later is
/// compared only with the letters it may copy: its 4-gram count, its MinHash signature and
/// the keys of its signature's bands; for a campaign of mad-libs letters, its phrases too.
public struct LetterSketch: Hashable, Sendable {
    public var grams: Int
    public var signature: [UInt16]
    public var bands: [Int64]
    /// What a campaign of mad-libs letters is made of; nil for any other campaign.
    public var phrases: LetterPhrases?

    public init(grams: Int, signature: [UInt16], bands: [Int64], phrases: LetterPhrases? = nil) {
        self.grams = grams
        self.signature = signature
        self.bands = bands
        self.phrases = phrases
    }
}
