import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes a terminal sends into keys: UTF-8 text, control keys, the escape
/// sequences of cursor and editing keys, and bracketed paste.
struct TerminalInput {
    let fd: Int32
    private var pending: [UInt8] = []
    private var position = 0

    init(fd: Int32) {
        self.fd = fd
    }

    /// True when bytes already read wait to be turned into keys, as during a paste.
    var hasPending: Bool { position < pending.count || TerminalInput.ready(fd, milliseconds: 0) }

    /// The next key; nil when the terminal is closed.
    mutating func next() -> Key? {
        guard let byte = nextByte() else { return nil }
        switch byte {
        case 0x0D, 0x0A: return .enter
        case 0x7F, 0x08: return .backspace
        case 0x01: return .home
        case 0x05: return .end
        case 0x02: return .left
        case 0x06: return .right
        case 0x03: return .interrupt
        case 0x04: return .endOfInput
        case 0x0B: return .killToEnd
        case 0x15: return .killToStart
        case 0x09: return .text(" ")
        case 0x1B: return escape()
        case 0x00..<0x20: return .ignored
        default:
            return character(startingWith: byte).map(Key.text) ?? .ignored
        }
    }

    private mutating func escape() -> Key {
        // A lone Escape key sends nothing after it.
        guard TerminalInput.ready(fd, milliseconds: 50) || position < pending.count, let next = nextByte() else { return .ignored }
        switch next {
        case UInt8(ascii: "["):
            var parameters: [UInt8] = []
            while let byte = nextByte() {
                if (0x40...0x7E).contains(byte) { return csi(String(decoding: parameters, as: UTF8.self), final: byte) }
                parameters.append(byte)
                if parameters.count > 32 { return .ignored }
            }
            return .ignored
        case UInt8(ascii: "O"):
            switch nextByte() {
            case UInt8(ascii: "H"): return .home
            case UInt8(ascii: "F"): return .end
            case UInt8(ascii: "C"): return .right
            case UInt8(ascii: "D"): return .left
            case UInt8(ascii: "A"): return .up
            case UInt8(ascii: "B"): return .down
            default: return .ignored
            }
        case UInt8(ascii: "b"): return .wordLeft
        case UInt8(ascii: "f"): return .wordRight
        default: return .ignored
        }
    }

    private mutating func csi(_ parameters: String, final: UInt8) -> Key {
        let modified = parameters.contains(";")
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return modified ? .wordRight : .right
        case UInt8(ascii: "D"): return modified ? .wordLeft : .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "~"):
            switch parameters {
            case "1", "7": return .home
            case "4", "8": return .end
            case "3": return .delete
            case "200": return .paste(pasted())
            default: return .ignored
            }
        default: return .ignored
        }
    }

    /// The text up to the end-of-paste mark: line breaks as `\n`, tabs as spaces, other
    /// control characters and escape sequences dropped.
    private mutating func pasted() -> String {
        var bytes: [UInt8] = []
        let end: [UInt8] = Array("\u{1B}[201~".utf8)
        while let byte = nextByte() {
            bytes.append(byte)
            if bytes.count >= end.count && Array(bytes.suffix(end.count)) == end {
                bytes.removeLast(end.count)
                break
            }
        }
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        return String(String.UnicodeScalarView(text.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            switch scalar.value {
            case 0x0A: return scalar
            case 0x0D: return "\n"
            case 0x09: return " "
            case 0x00..<0x20, 0x7F..<0xA0: return nil
            default: return scalar
            }
        }))
    }

    /// The character whose UTF-8 encoding starts with `lead`, with any combining marks
    /// that follow it in what has been read; nil for bytes that are not UTF-8.
    private mutating func character(startingWith lead: UInt8) -> Character? {
        let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
        guard length > 0 else { return nil }
        var bytes = [lead]
        while bytes.count < length, let byte = nextByte() {
            guard byte & 0xC0 == 0x80 else { return nil }
            bytes.append(byte)
        }
        guard let text = String(validating: bytes, as: UTF8.self), let character = text.first else { return nil }
        return character
    }

    private mutating func nextByte() -> UInt8? {
        if position == pending.count {
            pending = [UInt8](repeating: 0, count: 65_536)
            position = 0
            while true {
                let count = pending.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    pending = []
                    return nil
                }
                pending.removeSubrange(count...)
                break
            }
        }
        defer { position += 1 }
        return pending[position]
    }

    private static func ready(_ fd: Int32, milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) > 0
    }
}
