import MadangCore

/// Masks personal data in text a digest prints, and counts what it masked.
///
/// - e-mail addresses → `[e-mail removed]`
/// - Korean resident registration numbers (`######-#######`) → `[ID number removed]`
/// - phone numbers → `[phone removed]`: Korean (`010-1234-5678`, `01012345678`,
///   `02-123-4567`, `(02) 123-4567`), `+82 10-1234-5678` and other international
///   forms with `+`, and North American `555-123-4567` / `(555) 123-4567`.
///
/// Dates (`2023-01-05`, `2023.01.05 14:00`), amounts (`3,000,000원`, `1 500 000`) and
/// years stay as they are: a number is a phone number only when its digit groups
/// look like one. Control characters and bidirectional overrides, which could
/// disguise text on a terminal or page, are removed too.
///
/// ```swift
/// var redaction = Redaction()
/// redaction.apply("연락처 010-1234-5678, kim@example.org")  // "연락처 [phone removed], [e-mail removed]"
/// redaction.phones  // 1
/// ```
public struct Redaction: Sendable {
    public private(set) var emails = 0
    public private(set) var phones = 0
    public private(set) var residentNumbers = 0

    public static let emailMask = "[e-mail removed]"
    public static let phoneMask = "[phone removed]"
    public static let residentNumberMask = "[ID number removed]"

    public init() {}

    /// How many pieces of personal data were masked in all.
    public var total: Int { emails + phones + residentNumbers }

    /// `text` with personal data masked; the counts grow by what was found.
    public mutating func apply(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var emailSpans: [(start: Int, end: Int)] = []
        for at in bytes.indices where bytes[at] == UInt8(ascii: "@") {
            if let span = Redaction.email(around: at, in: bytes), span.0 >= (emailSpans.last?.end ?? 0) {
                emailSpans.append(span)
            }
        }
        var nextEmail = 0
        var index = 0
        while index < bytes.count {
            if nextEmail < emailSpans.count && emailSpans[nextEmail].start == index {
                output.append(contentsOf: Redaction.emailMask.utf8)
                emails += 1
                index = emailSpans[nextEmail].end
                nextEmail += 1
                continue
            }
            let byte = bytes[index]
            let boundary = index == 0 || !Redaction.isWordByte(bytes[index - 1])
            let limit = nextEmail < emailSpans.count ? emailSpans[nextEmail].start : bytes.count
            if boundary, Redaction.startsNumber(bytes, at: index), let (end, kind) = Redaction.number(at: index, in: bytes), end <= limit {
                switch kind {
                case .phone:
                    output.append(contentsOf: Redaction.phoneMask.utf8)
                    phones += 1
                case .residentNumber:
                    output.append(contentsOf: Redaction.residentNumberMask.utf8)
                    residentNumbers += 1
                }
                index = end
                continue
            }
            if let skip = Redaction.invisibleLength(bytes, at: index) {
                index += skip
                continue
            }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: - E-mail

    private static func isLocalByte(_ b: UInt8) -> Bool {
        isWordByte(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "%")
            || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
    }

    /// The address around the `@` at `at`: where its local part starts and where its domain ends.
    private static func email(around at: Int, in bytes: [UInt8]) -> (Int, Int)? {
        var start = at
        while start > 0 && isLocalByte(bytes[start - 1]) { start -= 1 }
        while start < at && bytes[start] == UInt8(ascii: ".") { start += 1 }
        guard start < at else { return nil }
        var end = at + 1
        while end < bytes.count && (isWordByte(bytes[end]) || bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: "-")) {
            end += 1
        }
        while end > at + 1 && (bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-")) { end -= 1 }
        let domain = bytes[(at + 1)..<end]
        guard let lastDot = domain.lastIndex(of: UInt8(ascii: ".")), lastDot > at + 1,
              end - lastDot - 1 >= 2, bytes[(lastDot + 1)..<end].allSatisfy(isLetter) else { return nil }
        return (start, end)
    }

    // MARK: - Numbers

    private enum NumberKind { case phone, residentNumber }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private static func isWordByte(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }

    private static func startsNumber(_ bytes: [UInt8], at index: Int) -> Bool {
        let byte = bytes[index]
        if isDigit(byte) { return true }
        guard index + 1 < bytes.count, byte == UInt8(ascii: "+") || byte == UInt8(ascii: "(") else { return false }
        return isDigit(bytes[index + 1])
    }

    /// The longest phone number or resident registration number starting at `start`, if any.
    private static func number(at start: Int, in bytes: [UInt8]) -> (Int, NumberKind)? {
        var index = start
        let prefix = bytes[index]
        if !isDigit(prefix) { index += 1 }
        var groups: [Int] = []
        var separators: [[UInt8]] = []
        var firstDigits: [UInt8] = []
        var best: (Int, NumberKind)?
        while index < bytes.count {
            let groupStart = index
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
            guard index > groupStart else { break }
            groups.append(index - groupStart)
            if firstDigits.count < 3 { firstDigits += bytes[groupStart..<min(index, groupStart + 3 - firstDigits.count)] }
            let digits = groups.reduce(0, +)
            if digits > 15 { break }
            var end = index
            if prefix == UInt8(ascii: "("), groups.count == 1, end < bytes.count, bytes[end] == UInt8(ascii: ")") { end += 1 }
            let atBoundary = end >= bytes.count || !(isWordByte(bytes[end]) || bytes[end] == UInt8(ascii: "@"))
            if atBoundary, let kind = classify(prefix: prefix, groups: groups, separators: separators, first: firstDigits) {
                best = (index, kind)
            }
            // A separator: up to two of "-", ".", " ", "(", ")", then a digit.
            var next = index
            while next < bytes.count && next - index < 2
                    && [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: " "), UInt8(ascii: "("), UInt8(ascii: ")")].contains(bytes[next]) {
                next += 1
            }
            guard next > index, next < bytes.count, isDigit(bytes[next]) else { break }
            separators.append(Array(bytes[index..<next]))
            index = next
        }
        return best
    }

    private static func classify(prefix: UInt8, groups: [Int], separators: [[UInt8]], first: [UInt8]) -> NumberKind? {
        let digits = groups.reduce(0, +)
        let dash = Array("-".utf8)
        if prefix != UInt8(ascii: "+"), prefix != UInt8(ascii: "(") {
            if groups == [6, 7], separators == [dash] { return .residentNumber }
        }
        if prefix == UInt8(ascii: "+") { return (8...15).contains(digits) && groups.count >= 1 ? .phone : nil }
        if prefix == UInt8(ascii: "(") { return (9...11).contains(digits) && groups.count >= 2 ? .phone : nil }
        let zero = first.first == UInt8(ascii: "0")
        if groups.count == 1 {
            // Unseparated: a Korean mobile (01…) or area-coded number.
            guard zero, first.count >= 2 else { return nil }
            let second = first[1]
            if second == UInt8(ascii: "1") { return (10...11).contains(digits) ? .phone : nil }
            return (second >= UInt8(ascii: "2") && second <= UInt8(ascii: "6")) && (9...10).contains(digits) ? .phone : nil
        }
        if zero && (9...11).contains(digits) && groups.last.map({ $0 >= 4 }) == true { return .phone }
        let uniform = Set(separators).count == 1
        if groups == [3, 3, 4] && uniform && separators[0] != Array(" ".utf8) { return .phone }
        if groups.count >= 3 && uniform && groups.last == 4 && groups.allSatisfy({ (2...4).contains($0) }) && (9...12).contains(digits) {
            return .phone
        }
        return nil
    }

    // MARK: - Invisible characters

    /// The byte length of a control character or bidirectional override at `index`, to drop it.
    private static func invisibleLength(_ bytes: [UInt8], at index: Int) -> Int? {
        let byte = bytes[index]
        if byte < 0x20 { return byte == 0x0A || byte == 0x09 ? nil : 1 }
        if byte == 0x7F { return 1 }
        if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return 2 }
        if byte == 0xE2, index + 2 < bytes.count {
            let (b1, b2) = (bytes[index + 1], bytes[index + 2])
            // U+202A–U+202E and U+2066–U+2069.
            if b1 == 0x80 && (0xAA...0xAE).contains(b2) { return 3 }
            if b1 == 0x81 && (0xA6...0xA9).contains(b2) { return 3 }
        }
        return nil
    }
}
