import MadangCore

/// The text encodings CSV files arrive in.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case utf16LittleEndian = "utf-16le"
    case utf16BigEndian = "utf-16be"
    /// Korean Excel's default ("ANSI" on a Korean Windows). EUC-KR files are read as
    /// CP949, its superset, because glibc's EUC-KR decoder drops bytes silently.
    case cp949
    /// Western European Excel's "ANSI" (a superset of Latin-1).
    case windows1252 = "windows-1252"

    /// The name iconv knows the encoding by.
    var iconvName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LittleEndian: "UTF-16LE"
        case .utf16BigEndian: "UTF-16BE"
        case .cp949: "CP949"
        case .windows1252: "WINDOWS-1252"
        }
    }

    /// Reads an `--encoding` value: utf-8, utf-16 (byte order from the BOM),
    /// utf-16le, utf-16be, cp949, euc-kr (read as CP949), or `auto` (nil).
    public static func named(_ name: String) -> TextEncodingChoice? {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "auto": .auto
        case "utf-8", "utf8": .forced(.utf8)
        case "utf-16", "utf16": .utf16
        case "utf-16le", "utf16le": .forced(.utf16LittleEndian)
        case "utf-16be", "utf16be": .forced(.utf16BigEndian)
        case "cp949", "euc-kr", "euckr", "uhc", "ms949", "ks-c-5601-1987": .forced(.cp949)
        case "windows-1252", "cp1252", "latin-1", "latin1", "iso-8859-1", "ansi": .forced(.windows1252)
        default: nil
        }
    }

    /// Finds the encoding of a file from its first bytes: a byte-order mark if there
    /// is one, else UTF-16 by its zero bytes, else UTF-8 if the sample is valid UTF-8,
    /// else CP949 if it is valid CP949 with Hangul in it, else Windows-1252.
    /// Returns the encoding and the length of the byte-order mark.
    public static func detect(_ sample: [UInt8]) -> (encoding: TextEncoding, bomLength: Int) {
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if sample.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if sample.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        let pairs = sample.count / 2
        if pairs >= 2 {
            let evenZeros = stride(from: 0, to: pairs * 2, by: 2).filter { sample[$0] == 0 }.count
            let oddZeros = stride(from: 1, to: pairs * 2, by: 2).filter { sample[$0] == 0 }.count
            if oddZeros * 3 > pairs && evenZeros * 10 < pairs { return (.utf16LittleEndian, 0) }
            if evenZeros * 3 > pairs && oddZeros * 10 < pairs { return (.utf16BigEndian, 0) }
        }
        if UTF8Walk.firstInvalidByte(in: sample, allowTruncatedEnd: true) == nil { return (.utf8, 0) }
        return (looksLikeCP949(sample) ? .cp949 : .windows1252, 0)
    }

    /// True when `sample` decodes as CP949 (a cut-off last character aside) and most
    /// of its non-ASCII characters are Hangul syllables.
    static func looksLikeCP949(_ sample: [UInt8]) -> Bool {
        guard let decoder = try? InputDecoder(encoding: .cp949, startOffset: 0) else { return false }
        var text: [UInt8] = []
        guard (try? sample.withUnsafeBufferPointer { try decoder.decode($0, isFinal: false, into: &text) }) != nil
        else { return false }
        let scalars = String(decoding: text, as: UTF8.self).unicodeScalars.filter { !$0.isASCII }
        let hangul = scalars.filter { (0xAC00...0xD7A3).contains($0.value) }.count
        return !scalars.isEmpty && hangul * 2 >= scalars.count
    }
}

/// What `--encoding` asked for.
public enum TextEncodingChoice: Hashable, Sendable {
    /// Detect it from the file.
    case auto
    /// UTF-16, byte order from the byte-order mark (little-endian without one).
    case utf16
    case forced(TextEncoding)
}
