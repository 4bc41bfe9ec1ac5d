import Foundation

/// How text is folded for term matching: NFKC and lowercase, so full-width and
/// compatibility forms and capitals match the plain terms.
enum MatchText {
    /// `text` folded, as UTF-8, with every space ``isSpace(_:)`` accepts as an ASCII
    /// space or line break. Text whose every character is ASCII or one that folding
    /// leaves alone (Hangul syllables, common CJK ideographs and punctuation,
    /// lowercase Latin-1) is folded byte by byte; other text goes through ``fold(_:)``.
    static func foldedUTF8(_ text: String) -> [UInt8] {
        foldedUTF8([text])
    }

    /// The parts folded as one text, a line break between each.
    static func foldedUTF8(_ parts: [String]) -> [UInt8] {
        let capacity = parts.reduce(parts.count) { $0 + $1.utf8.count }
        var quick = true
        let folded = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            for (number, part) in parts.enumerated() {
                if number > 0 {
                    buffer[count] = 0x0A
                    count += 1
                }
                var part = part
                quick = part.withUTF8 { foldQuickly($0, into: buffer, at: &count) }
                if !quick { return }
            }
        }
        if quick { return folded }
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        for (number, part) in parts.enumerated() {
            if number > 0 { out.append(0x0A) }
            for value in fold(part) {
                if value == 0xA0 || value == 0x3000 {
                    out.append(0x20)
                } else if let scalar = Unicode.Scalar(value) {
                    UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
        return out
    }

    /// Writes `bytes` lowercased into `buffer` from `count` when every character
    /// folds to itself; returns false as soon as one does not.
    private static func foldQuickly(
        _ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>, at count: inout Int
    ) -> Bool {
        var index = 0
        var written = count
        defer { count = written }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                buffer[written] = byte &+ (byte &- 0x41 < 26 ? 0x20 : 0)
                written += 1
                index += 1
                continue
            }
            let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            guard index + length <= bytes.count else { return false }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            guard isQuicklyFolded(value) else { return false }
            for offset in 0..<length { buffer[written + offset] = bytes[index + offset] }
            written += length
            index += length
        }
        return true
    }

    /// Characters that NFKC and lowercasing leave as they are, and that are not spaces.
    static func isQuicklyFolded(_ value: UInt32) -> Bool {
        switch value {
        case 0xDF...0xFF, 0x2013, 0x2014, 0x2018...0x201D, 0x3001, 0x3002, 0x4E00...0x9FFF, 0xAC00...0xD7A3: true
        default: false
        }
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

    /// The spaces of folded text.
    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// ASCII lowercase letters and digits: where English words begin and end in folded text.
    @inline(__always)
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A)
    }

    static func isLetterOrDigit(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
