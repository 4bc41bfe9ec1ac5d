/// A campaign letter's sketch as the store keeps it, so that an opinion arriving later is
/// compared only with the letters it may copy: its 4-gram count, its MinHash signature and
/// the keys of its signature's bands.
public struct LetterSketch: Hashable, Sendable {
    public var grams: Int
    public var signature: [UInt16]
    public var bands: [Int64]

    public init(grams: Int, signature: [UInt16], bands: [Int64]) {
        self.grams = grams
        self.signature = signature
        self.bands = bands
    }
}
