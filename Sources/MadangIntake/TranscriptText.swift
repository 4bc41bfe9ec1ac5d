/// The lines of a transcript file, decoded strictly as UTF-8.
///
/// A byte-order mark at the start is dropped. Bytes that are not UTF-8 (a file saved
/// as CP949 by Korean Excel, say) are an error naming the line and byte, never
/// silently replaced.
public enum TranscriptText {
    /// Splits `bytes` into lines (LF or CRLF), checking every line is UTF-8.
    public static func lines(_ bytes: [UInt8], source: String) throws(TranscriptError) -> [String] {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lines: [String] = []
        while start <= bytes.count {
            var end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let next = end + 1
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            let slice = bytes[start..<end]
            guard let line = String(validating: slice, as: UTF8.self) else {
                let bad = firstInvalidByte(in: slice) ?? start
                throw .notUTF8(source: source, line: lines.count + 1, byteOffset: bad)
            }
            lines.append(line)
            start = next
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The offset, from the start of the file, of the first byte that breaks UTF-8.
    private static func firstInvalidByte(in slice: ArraySlice<UInt8>) -> Int? {
        var index = slice.startIndex
        while index < slice.endIndex {
            let lead = slice[index]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
            guard length > 0, index + length <= slice.endIndex,
                  String(validating: slice[index..<index + length], as: UTF8.self) != nil
            else { return index }
            index += length
        }
        return nil
    }
}

/// Why a transcript cannot be read.
public enum TranscriptError: Error, Equatable, Sendable, CustomStringConvertible {
    case notUTF8(source: String, line: Int, byteOffset: Int)

    public var description: String {
        switch self {
        case .notUTF8(let source, let line, let byteOffset):
            "\(source):\(line): byte \(byteOffset) is not UTF-8. Save the transcript as UTF-8 text and run the command again; nothing was recorded."
        }
    }
}
