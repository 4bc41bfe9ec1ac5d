import MadangCore
import Foundation

/// How text is folded for term matching: NFKC and lowercase, so full-width and
/// compatibility forms and capitals match the plain terms.
enum MatchText {
    /// The parts folded as one text, as UTF-8, a line break between each, into `folded`,
    /// whose memory is kept from one text to the next; every space ``isSpace(_:)``
    /// accepts becomes an ASCII space or line break. Text whose every character is ASCII
    /// or one that folding leaves alone (``isQuicklyFolded(_:)``: Hangul syllables, CJK
    /// ideographs, common punctuation, lowercase Latin-1) is folded byte by byte; other
    /// text goes through ``fold(_:)``. Returns true when it was folded byte by byte.
    @discardableResult
    static func fold(_ parts: [String], into folded: inout [UInt8]) -> Bool {
        let count = max(parts.reduce(parts.count - 1) { $0 + $1.utf8.count }, 0)
        // The right length; what is there is overwritten, so only new bytes are zeroed.
        if folded.count > count {
            folded.removeLast(folded.count - count)
        } else {
            folded.append(contentsOf: repeatElement(0, count: count - folded.count))
        }
        let quick = folded.withUnsafeMutableBufferPointer { buffer in
            var written = 0
            for (number, part) in parts.enumerated() {
                if number > 0 {
                    buffer[written] = 0x0A
                    written += 1
                }
                var part = part
                let quick = part.withUTF8 { bytes in
                    foldQuickly(bytes, into: UnsafeMutableBufferPointer(rebasing: buffer[written...]))
                }
                if !quick { return false }
                written += part.utf8.count
            }
            return true
        }
        if !quick { folded = slowlyFoldedUTF8(parts) }
        return quick
    }

    /// The parts folded byte by byte, or nil when some character is not ``isQuicklyFolded(_:)``.
    static func quicklyFoldedUTF8(_ parts: [String]) -> [UInt8]? {
        var folded: [UInt8] = []
        return fold(parts, into: &folded) ? folded : nil
    }

    /// The parts through ``fold(_:)``, NFKC and all.
    static func slowlyFoldedUTF8(_ parts: [String]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(parts.count) { $0 + $1.utf8.count })
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

    /// Copies `bytes` into `buffer` with ASCII capitals made small, and says whether
    /// every character of these valid UTF-8 bytes is ``isQuicklyFolded(_:)`` (or ASCII).
    ///
    /// A first pass settles the common characters — ASCII, Hangul syllables up to U+D77F,
    /// CJK ideographs, lowercase Latin-1 — from each lead byte and the next, without
    /// branches, in a loop the compiler vectorizes; only when it meets another character
    /// does a second pass decode the text and ask ``isQuicklyFolded(_:)`` itself. Its byte
    /// tests stay here, not in `UTF8Walk`: they are the vectorized loop of the categorizer's
    /// hot path, which `scripts/bench-categorize` times beside C.
    static func foldQuickly(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var unsettled: UInt8 = 0
        var index = 0
        if count > 1 {
            while index < count - 1 {
                let lead = bytes[index]
                unsettled |= isUnsettled(lead, bytes[index + 1])
                buffer[index] = lead | (lead &- 0x41 < 26 ? 0x20 : 0)
                index += 1
            }
        }
        while index < count {
            let lead = bytes[index]
            unsettled |= isUnsettled(lead, 0)
            buffer[index] = lead | (lead &- 0x41 < 26 ? 0x20 : 0)
            index += 1
        }
        return unsettled == 0 || String(decoding: bytes, as: UTF8.self).unicodeScalars.allSatisfy {
            $0.value < 0x80 || isQuicklyFolded($0.value)
        }
    }

    /// 1 when `lead` starts a character the first pass of ``foldQuickly(_:into:)`` does
    /// not settle, else 0 (also for bytes that start no character).
    @inline(__always)
    private static func isUnsettled(_ lead: UInt8, _ next: UInt8) -> UInt8 {
        // U+00DF–U+00FF: C3 9F–BF. U+4000–U+9FFF: E4–E9. U+AC00–U+AFFF: EA B0–BF.
        // U+B000–U+CFFF: EB, EC. U+D000–U+D77F: ED 80–9D.
        let settled = (lead == 0xC3 && next >= 0x9F) || lead &- 0xE4 < 6 || lead &- 0xEB < 2
            || (lead == 0xEA && next >= 0xB0) || (lead == 0xED && next < 0x9E)
        return lead >= 0xC0 && !settled ? 1 : 0
    }

    /// Characters that NFKC and lowercasing leave as they are, and that are not spaces.
    static func isQuicklyFolded(_ value: UInt32) -> Bool {
        switch value {
        case 0xDF...0xFF, 0x2013, 0x2014, 0x2018...0x201D, 0x3001, 0x3002, 0x3400...0x9FFF, 0xAC00...0xD7A3: true
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
        case 0..<0xA0, 0xC0...0xFF, 0x2013, 0x2014, 0x2018...0x201D, 0x3001, 0x3002, 0x3400...0x9FFF, 0xAC00...0xD7A3:
            true
        default:
            false
        }
    }

    /// Whether two runs of bytes are the same, compared as memory.
    static func same(_ slice: ArraySlice<UInt8>, _ bytes: [UInt8]) -> Bool {
        slice.count == bytes.count && slice.withUnsafeBytes { a in bytes.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
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
