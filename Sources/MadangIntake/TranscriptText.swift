import MadangCore

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
                let bad = start + (UTF8Walk.firstInvalidByte(in: slice) ?? 0)
                throw .notUTF8(source: source, line: lines.count + 1, byteOffset: bad)
            }
            lines.append(line)
            start = next
        }
        if lines.last == "" { lines.removeLast() }
        return lines
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
