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
    /// is one, else UTF-16 by its zero bytes, else UTF-8 if the sample is UTF-8 (or
    /// almost all of it is, so the import stops at the line that is not), else CP949 if
    /// most of its two-byte characters are Hangul syllables in CP949 (a bad byte among
    /// them is then reported where it is), else Windows-1252.
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
        if mostlyUTF8(sample) { return (.utf8, 0) }
        return (looksLikeCP949(sample) ? .cp949 : .windows1252, 0)
    }

    /// True when well-formed UTF-8 sequences of two bytes or more outnumber the bytes
    /// that break UTF-8 by four to one: a UTF-8 file with a line pasted from elsewhere.
    static func mostlyUTF8(_ sample: [UInt8]) -> Bool {
        var sequences = 0, broken = 0, index = 0
        while index < sample.count {
            if let (_, length) = UTF8Walk.scalar(in: sample, at: index) {
                if length > 1 { sequences += 1 }
                index += length
            } else {
                broken += 1
                index += 1
            }
        }
        return sequences >= 4 * broken && sequences > 0
    }

    /// True when most of `sample`'s non-ASCII bytes pair up as CP949 Hangul syllables
    /// (lead B0–C8, trail A1–FE, KS X 1001's Hangul rows), at least two of them. A byte
    /// CP949 cannot read does not decide against it: the import reports it, with its line.
    /// European text in Windows-1252 has its accented letters one by one among ASCII ones,
    /// so it rarely forms such pairs.
    static func looksLikeCP949(_ sample: [UInt8]) -> Bool {
        var hangul = 0, other = 0, index = 0
        while index < sample.count {
            let lead = sample[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            if index + 1 < sample.count, (0xB0...0xC8).contains(lead), (0xA1...0xFE).contains(sample[index + 1]) {
                hangul += 1
                index += 2
            } else {
                other += 1
                index += (0x81...0xFE).contains(lead) && index + 1 < sample.count ? 2 : 1
            }
        }
        return hangul >= 2 && hangul * 2 >= hangul + other
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
