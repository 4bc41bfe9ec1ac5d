/// Splits text into the tokens that full-text search indexes and queries.
///
/// - Runs of letters and digits (Latin, Cyrillic, …) become one lowercased token each.
/// - Runs of Hangul, Han and kana become overlapping pairs of characters
///   ("bigrams"), as Lucene's CJK analyzer does, so 교통 is found inside 교통이
///   and 대중교통, and 데이터허브 inside 데이터허브를. A run of one character is one token.
/// - Everything else separates tokens.
///
/// Offsets are UTF-8 byte offsets into the original text, which is what SQLite's
/// FTS5 needs to highlight matches in the stored text.
///
/// ```swift
/// SearchTokenizer.tokens(in: "대중교통 Bus").map(\.text) // ["대중", "중교", "교통", "bus"]
/// ```
public enum SearchTokenizer {
    /// A token and the byte range of the text it came from.
    public struct Token: Hashable, Sendable {
        public var text: String
        public var start: Int
        public var end: Int
    }

    /// The tokens of `text`, in order.
    public static func tokens(in text: String) -> [Token] {
        var result: [Token] = []
        var utf8 = Array(text.utf8)
        utf8.withUnsafeMutableBufferPointer { buffer in
            tokenize(UnsafeBufferPointer(buffer)) { token, start, end in
                result.append(Token(text: String(decoding: token, as: UTF8.self), start: start, end: end))
                return true
            }
        }
        return result
    }

    /// Calls `emit` with each token's bytes and byte range; stops early when `emit` returns false.
    ///
    /// The token buffer is only valid during the call.
    public static func tokenize(
        _ text: UnsafeBufferPointer<UInt8>,
        _ emit: (_ token: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool
    ) {
        // All state is local and passed inout: helpers that captured it would box it on the heap.
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var wordStart = -1
        var cjk = CJKRun()
        var index = 0
        let count = text.count
        while index < count {
            let lead = text[index]
            if lead < 0x80 {
                if isASCIIAlphanumeric(lead) {
                    guard cjk.flush(text, emit) else { return }
                    if wordStart < 0 { wordStart = index }
                    word.append(lead >= 0x41 && lead <= 0x5A ? lead + 0x20 : lead)
                } else {
                    guard flush(&word, &wordStart, end: index, emit), cjk.flush(text, emit) else { return }
                }
                index += 1
                continue
            }
            let (scalar, length) = decode(text, at: index)
            let end = index + length
            switch classify(scalar) {
            case .cjk:
                guard flush(&word, &wordStart, end: index, emit), cjk.add(index, end, text, emit) else { return }
            case .word:
                guard cjk.flush(text, emit) else { return }
                if wordStart < 0 { wordStart = index }
                appendFolded(scalar, to: &word)
            case .mark:
                // A combining mark continues a word and is otherwise ignored.
                if wordStart >= 0 { appendFolded(scalar, to: &word) }
            case .separator:
                guard flush(&word, &wordStart, end: index, emit), cjk.flush(text, emit) else { return }
            }
            index = end
        }
        _ = flush(&word, &wordStart, end: index, emit) && cjk.flush(text, emit)
    }

    /// The run of CJK characters being read: it emits each pair as the next character
    /// arrives, and a lone character when the run ends after one.
    private struct CJKRun {
        var previousStart = -1
        var previousEnd = -1
        var length = 0

        mutating func add(
            _ start: Int, _ end: Int, _ text: UnsafeBufferPointer<UInt8>,
            _ emit: (UnsafeBufferPointer<UInt8>, Int, Int) -> Bool
        ) -> Bool {
            defer { (previousStart, previousEnd, length) = (start, end, length + 1) }
            guard length > 0 else { return true }
            return emit(UnsafeBufferPointer(rebasing: text[previousStart..<end]), previousStart, end)
        }

        mutating func flush(_ text: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>, Int, Int) -> Bool) -> Bool {
            guard length > 0 else { return true }
            defer { length = 0 }
            guard length == 1 else { return true }
            return emit(UnsafeBufferPointer(rebasing: text[previousStart..<previousEnd]), previousStart, previousEnd)
        }
    }

    @inline(__always)
    private static func flush(
        _ word: inout [UInt8], _ start: inout Int, end: Int, _ emit: (UnsafeBufferPointer<UInt8>, Int, Int) -> Bool
    ) -> Bool {
        guard start >= 0 else { return true }
        defer { word.removeAll(keepingCapacity: true); start = -1 }
        return word.withUnsafeBufferPointer { emit($0, start, end) }
    }

    @inline(__always)
    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private enum Class { case word, cjk, mark, separator }

    private static func classify(_ scalar: Unicode.Scalar) -> Class {
        let v = scalar.value
        if v < 0x80 {
            let isAlnum = (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
            return isAlnum ? .word : .separator
        }
        switch v {
        case 0xAC00...0xD7A3, // Hangul syllables
             0x1100...0x11FF, 0x3131...0x318E, // Hangul jamo
             0x3040...0x30FF, // Hiragana and Katakana
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: // Han
            return .cjk
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: // full-width digits and letters
            return .word
        default:
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                return .mark
            }
            return properties.isAlphabetic || properties.numericType != nil ? .word : .separator
        }
    }

    /// Appends the lowercase UTF-8 form of `scalar`, turning full-width ASCII into ASCII.
    private static func appendFolded(_ scalar: Unicode.Scalar, to word: inout [UInt8]) {
        var v = scalar.value
        if (0xFF01...0xFF5E).contains(v) { v -= 0xFEE0 }
        if v < 0x80 {
            word.append(UInt8(v >= 0x41 && v <= 0x5A ? v + 0x20 : v))
            return
        }
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
            UTF8.encode(lower) { word.append($0) }
        }
    }

    /// Decodes the scalar at `index`; an invalid byte decodes as U+FFFD of length 1.
    @inline(__always)
    private static func decode(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        guard let (value, length) = UTF8Walk.scalar(in: text, at: index), let scalar = Unicode.Scalar(value) else {
            return ("\u{FFFD}", 1)
        }
        return (scalar, length)
    }
}
