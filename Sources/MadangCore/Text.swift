import Foundation

/// Normalization applied to every piece of text a person gives Madang.
///
/// Text is stored in Unicode NFC, so Hangul typed on one system (precomposed
/// syllables) and pasted from another (decomposed jamo) is the same text to
/// search, matching and comparison. Line breaks become `\n`; outer white space goes.
public enum Text {
    /// Returns `text` in NFC with `\r\n` and `\r` turned into `\n` and outer white space trimmed.
    public static func normalized(_ text: String) -> String {
        var text = text
        let (nfc, hasCR) = scan(text)
        if !nfc { text = text.precomposedStringWithCanonicalMapping }
        if hasCR { text = unixLineBreaks(text) }
        return trimmed(text)
    }

    /// Normalizes a field that must not be empty.
    public static func required(_ text: String, field: String) throws(ValidationError) -> String {
        let value = normalized(text)
        guard !value.isEmpty else { throw .empty(field: field) }
        return value
    }

    /// Normalizes an optional field; empty text becomes `nil`.
    public static func optional(_ text: String?) -> String? {
        guard let text else { return nil }
        let value = normalized(text)
        return value.isEmpty ? nil : value
    }

    /// True when no character of `text` can change under NFC: it uses only ranges
    /// whose characters neither decompose nor combine (ASCII and Latin-1, Hangul
    /// syllables, common CJK, general punctuation). A false answer means "check".
    static func isSurelyNFC(_ text: String) -> Bool {
        scan(text).surelyNFC
    }

    /// One pass over the UTF-8 bytes: is the text surely NFC, and does it hold a CR?
    private static func scan(_ text: String) -> (surelyNFC: Bool, hasCR: Bool) {
        var text = text
        return text.withUTF8 { bytes in
            var nfc = true, cr = false
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    if lead == 0x0D { cr = true }
                    index += 1
                    continue
                }
                guard nfc, let (value, length) = UTF8Walk.scalar(in: bytes, at: index) else {
                    // Past the first doubt only carriage returns matter, and they are ASCII.
                    index += max(UTF8Walk.sequenceLength(lead: lead), 1)
                    continue
                }
                switch value {
                case 0..<0x300, 0xAC00...0xD7A3, 0x4E00...0x9FFF, 0x3001...0x303F, 0x3131...0x318E,
                     0x2010...0x2027, 0x2030...0x205E, 0x20A9, 0x20AC, 0xFF01...0xFF5E:
                    break
                default:
                    nfc = false
                }
                index += length
            }
            return (nfc, cr)
        }
    }

    /// `text` with CRLF and lone CR turned into LF.
    static func unixLineBreaks(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousCR = false
        for byte in text.utf8 {
            if byte == 0x0A, previousCR {
                previousCR = false
                continue
            }
            previousCR = byte == 0x0D
            bytes.append(previousCR ? 0x0A : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` without leading and trailing white space; the same string when there is none.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }
}

extension String {
    /// The string without leading and trailing white space and line breaks.
    public func trimmingWhitespace() -> String {
        Text.trimmed(self)
    }
}
