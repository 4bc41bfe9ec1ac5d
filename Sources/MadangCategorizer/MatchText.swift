import Foundation

/// Text prepared for term matching: NFKC, lowercased, and a "skeleton" without
/// white space whose positions map back to the folded text.
struct MatchText {
    /// The folded text, one scalar value per position.
    let scalars: [UInt32]
    /// The folded text without white space.
    let skeleton: [UInt32]
    /// For each skeleton position, its position in ``scalars``.
    let origin: [Int]

    init(_ text: String) {
        scalars = MatchText.fold(text)
        var skeleton: [UInt32] = []
        var origin: [Int] = []
        skeleton.reserveCapacity(scalars.count)
        origin.reserveCapacity(scalars.count)
        for (index, value) in scalars.enumerated() where !MatchText.isSpace(value) {
            skeleton.append(value)
            origin.append(index)
        }
        self.skeleton = skeleton
        self.origin = origin
    }

    /// NFKC (full-width letters become ASCII, compatibility forms their base) and lowercase.
    static func fold(_ text: String) -> [UInt32] {
        text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars.map(\.value)
    }

    static func isSpace(_ value: UInt32) -> Bool {
        value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D || value == 0x3000 || value == 0xA0
    }

    /// ASCII letters and digits: where English words begin and end.
    static func isASCIIWordCharacter(_ value: UInt32) -> Bool {
        (0x30...0x39).contains(value) || (0x61...0x7A).contains(value)
    }

    static func isLetterOrDigit(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
