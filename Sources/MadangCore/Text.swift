import Foundation

/// Normalization applied to every piece of text a person gives Madang.
///
/// Text is stored in Unicode NFC, so Hangul typed on one system (precomposed
/// syllables) and pasted from another (decomposed jamo) is the same text to
/// search, matching and comparison. Line breaks become `\n`; outer white space goes.
/// Control characters (C0 but tab and line breaks, DEL, C1) and whole terminal escape
/// sequences are removed: a NUL would cut the text where SQLite reads it, and an escape
/// would act on the terminal of whoever lists it.
public enum Text {
    /// Returns `text` in NFC with `\r\n` and `\r` turned into `\n`, control characters
    /// and escape sequences removed, and outer white space trimmed.
    public static func normalized(_ text: String) -> String {
        var removed = false
        return normalized(text, removedControls: &removed)
    }

    /// ``normalized(_:)``, setting `removedControls` when control characters were removed.
    public static func normalized(_ text: String, removedControls: inout Bool) -> String {
        var text = text
        let found = scan(text)
        if found.hasControl { removedControls = true }
        if found.hasControl { text = withoutControls(text) }
        if !found.surelyNFC { text = text.precomposedStringWithCanonicalMapping }
        if found.hasCR { text = unixLineBreaks(text) }
        return trimmed(text)
    }


    /// `text` safe to print on a terminal or in a plain-text document: every control
    /// character (a line break and a tab too) and every bidirectional override or isolate,
    /// which could reorder what a reader sees, shows as U+FFFD. Text stored by this
    /// version holds no controls; a database written before may.
    public static func displayable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUndisplayable) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isUndisplayable($0) ? "\u{FFFD}" : $0 }))
    }

    private static func isUndisplayable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` without control characters: an escape sequence (CSI `ESC [ … final`, OSC
    /// `ESC ] … BEL` or `ESC ] … ESC \\`, or `ESC` and one character) goes whole; tab, line
    /// feed and carriage return stay.
    static func withoutControls(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D:
                kept.append(scalar)
            case 0x1B:
                guard let next = scalars.next() else { break }
                if next == "[" {
                    // Parameters and intermediates, then one final byte from @ to ~.
                    while let byte = scalars.next(), !(0x40...0x7E).contains(byte.value) {}
                } else if next == "]" || next == "P" || next == "_" || next == "^" {
                    // A string, to BEL or to ESC \.
                    while let byte = scalars.next(), byte.value != 0x07 {
                        if byte.value == 0x1B { _ = scalars.next(); break }
                    }
                }
            case 0x9B:
                while let byte = scalars.next(), !(0x40...0x7E).contains(byte.value) {}
            case 0..<0x20, 0x7F...0x9F:
                break
            default:
                kept.append(scalar)
            }
        }
        return String(kept)
    }

    /// Normalizes a field that must not be empty.
    public static func required(_ text: String, field: String) throws(ValidationError) -> String {
        let value = normalized(text)
        guard !value.isEmpty else { throw .empty(field: field) }
        return value
    }

    /// Normalizes an optional field; empty text becomes `nil`.
    public static func optional(_ text: String?) -> String? {
        var removed = false
        return optional(text, removedControls: &removed)
    }

    /// ``optional(_:)``, setting `removedControls` when control characters were removed.
    public static func optional(_ text: String?, removedControls: inout Bool) -> String? {
        guard let text else { return nil }
        let value = normalized(text, removedControls: &removedControls)
        return value.isEmpty ? nil : value
    }

    /// True when no character of `text` can change under NFC: it uses only ranges
    /// whose characters neither decompose nor combine (ASCII and Latin-1, Hangul
    /// syllables, common CJK, general punctuation). A false answer means "check".
    static func isSurelyNFC(_ text: String) -> Bool {
        scan(text).surelyNFC
    }

    /// One pass over the UTF-8 bytes: is the text surely NFC, does it hold a CR, and
    /// does it hold a control character?
    private static func scan(_ text: String) -> (surelyNFC: Bool, hasCR: Bool, hasControl: Bool) {
        var text = text
        return text.withUTF8 { bytes in
            var nfc = true, cr = false, control = false
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    if lead < 0x20 || lead == 0x7F {
                        if lead == 0x0D { cr = true } else if lead != 0x09 && lead != 0x0A { control = true }
                    }
                    index += 1
                    continue
                }
                // C1 controls, U+0080 to U+009F, are C2 80 to C2 9F.
                if lead == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 { control = true }
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
            return (nfc, cr, control)
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
