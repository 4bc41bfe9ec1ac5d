import Foundation

/// Normalization applied to every piece of text a person gives Madang.
///
/// Text is stored in Unicode NFC, so Hangul typed on one system (precomposed
/// syllables) and pasted from another (decomposed jamo) is the same text to
/// search, matching and comparison. Line breaks become `\n`; outer white space goes.
public enum Text {
    /// Returns `text` in NFC with `\r\n` and `\r` turned into `\n` and outer white space trimmed.
    public static func normalized(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
            .trimmingWhitespace()
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
}

extension String {
    /// The string without leading and trailing white space and line breaks.
    public func trimmingWhitespace() -> String {
        trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
