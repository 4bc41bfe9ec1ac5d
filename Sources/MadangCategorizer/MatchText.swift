import Foundation

/// Text prepared for term matching: NFKC, lowercased, and a "skeleton" without
/// white space whose positions map back to the folded text.
struct MatchText: Sendable {
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
    /// Foundation's NFKC runs only when some character could change under it.
    static func fold(_ text: String) -> [UInt32] {
        let stable = text.unicodeScalars.allSatisfy { isNFKCStable($0.value) }
        let source = stable ? text : text.precomposedStringWithCompatibilityMapping
        var out: [UInt32] = []
        out.reserveCapacity(source.utf8.count)
        for scalar in source.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                out.append(value >= 0x41 && value <= 0x5A ? value + 0x20 : value)
            } else if (0xAC00...0xD7A3).contains(value) || !scalar.properties.changesWhenLowercased {
                out.append(value)
            } else {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars.map(\.value))
            }
        }
        return out
    }

    /// Characters NFKC leaves as they are: ASCII and C1 controls, Latin-1 letters,
    /// common dashes and quotes, Hangul syllables and common CJK ideographs.
    static func isNFKCStable(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0xA0, 0xC0...0xFF, 0x2013, 0x2014, 0x2018...0x201D, 0x3001, 0x3002, 0x4E00...0x9FFF, 0xAC00...0xD7A3:
            true
        default:
            false
        }
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
