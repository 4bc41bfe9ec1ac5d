import MadangCore

/// Masks personal data in text a digest prints, and counts what it masked.
///
/// - e-mail addresses → `[e-mail removed]`, with a Korean or other non-ASCII local part or
///   domain, a full-width `＠`, or a punycode domain
/// - Korean resident registration numbers (`900101-1234567`, `900101 1234567`,
///   `9001011234567`, whose first six digits are a date) → `[ID number removed]`
/// - payment card numbers (16 digits in fours, or 15 or 16 that pass the Luhn check) →
///   `[card number removed]`
/// - bank account numbers, in the shapes Korean banks print them or after a word such as
///   계좌 or account → `[account number removed]`
/// - phone numbers → `[phone removed]`: Korean (`010-1234-5678`, `01012345678`,
///   `02-123-4567`, `(02) 123-4567`, `tel010-…`), `+82 10-1234-5678`, `82-10-…` and other
///   international forms with `+`, British (`020 7946 0958`) and North American
///   `555-123-4567` / `(555) 123-4567`.
///
/// Matching reads the text as NFKC would for digits, letters and `＠` (full width to
/// ASCII), takes every Unicode dash and minus for `-`, and skips zero-width and control
/// characters, so `０１０–１２３４‐5678` or a number with a zero-width space inside is found;
/// the text printed keeps its own characters outside what is masked.
///
/// Dates (`2023-01-05`, `2023.01.05 14:00`), amounts (`3,000,000원`, `123.456.7890 KRW`),
/// document and plan numbers (`2024-0123-4567`), ISBNs, business registration numbers and
/// years stay as they are: a number is masked only when its digit groups, taken whole, look
/// like one of the above. Control characters and bidirectional overrides, which could
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
    public private(set) var cards = 0
    public private(set) var accounts = 0

    public static let emailMask = "[e-mail removed]"
    public static let phoneMask = "[phone removed]"
    public static let residentNumberMask = "[ID number removed]"
    public static let cardMask = "[card number removed]"
    public static let accountMask = "[account number removed]"

    /// The language of the placeholders: `[phone removed]` or `[전화번호 삭제]`.
    public let language: DocumentLanguage

    public init(language: DocumentLanguage = .en) {
        self.language = language
    }

    /// How many pieces of personal data were masked in all.
    public var total: Int { emails + phones + residentNumbers + cards + accounts }

    /// What a masked span was.
    enum Kind { case email, phone, residentNumber, card, account }

    /// `text` with personal data masked; the counts grow by what was found.
    public mutating func apply(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let view = MatchView(scalars)
        var output = String.UnicodeScalarView()
        var next = 0
        for span in Redaction.spans(in: view.bytes) {
            let start = view.origin[span.start], end = view.origin[span.end - 1] + 1
            guard start >= next else { continue }
            for scalar in scalars[next..<start] where !Redaction.isInvisible(scalar) { output.append(scalar) }
            output.append(contentsOf: mask(span.kind).unicodeScalars)
            next = end
        }
        for scalar in scalars[next...] where !Redaction.isInvisible(scalar) { output.append(scalar) }
        return String(output)
    }

    private mutating func mask(_ kind: Kind) -> String {
        let korean = language == .ko
        switch kind {
        case .email:
            emails += 1
            return korean ? "[이메일 삭제]" : Redaction.emailMask
        case .phone:
            phones += 1
            return korean ? "[전화번호 삭제]" : Redaction.phoneMask
        case .residentNumber:
            residentNumbers += 1
            return korean ? "[주민등록번호 삭제]" : Redaction.residentNumberMask
        case .card:
            cards += 1
            return korean ? "[카드번호 삭제]" : Redaction.cardMask
        case .account:
            accounts += 1
            return korean ? "[계좌번호 삭제]" : Redaction.accountMask
        }
    }

    /// Control characters (but line breaks and tabs) and bidirectional overrides: dropped
    /// from what is printed.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The text as matching reads it: ASCII and UTF-8 bytes, with full-width forms folded
    /// to ASCII, dashes to `-`, and zero-width and control characters left out; `origin`
    /// gives, for each byte, the index of the scalar it came from.
    struct MatchView {
        var bytes: [UInt8] = []
        var origin: [Int] = []

        init(_ scalars: [Unicode.Scalar]) {
            bytes.reserveCapacity(scalars.count)
            origin.reserveCapacity(scalars.count)
            for (index, scalar) in scalars.enumerated() {
                let value = scalar.value
                switch value {
                case 0x0A, 0x09, 0x20..<0x7F: append(UInt8(value), from: index)
                case 0x00..<0x20, 0x7F...0x9F, 0xAD, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF:
                    continue
                case 0xFF01...0xFF5E: append(UInt8(value - 0xFEE0), from: index)
                case 0x3000, 0x00A0, 0x2000...0x200A, 0x202F, 0x205F: append(0x20, from: index)
                case 0x2010...0x2015, 0x2212, 0x2E3A, 0x2E3B, 0xFE58, 0xFE63: append(UInt8(ascii: "-"), from: index)
                case 0xFE6B: append(UInt8(ascii: "@"), from: index)
                default:
                    for byte in String(scalar).utf8 { append(byte, from: index) }
                }
            }
        }

        private mutating func append(_ byte: UInt8, from index: Int) {
            bytes.append(byte)
            origin.append(index)
        }
    }

    /// Every span of personal data in `bytes`, in order, none overlapping.
    static func spans(in bytes: [UInt8]) -> [(start: Int, end: Int, kind: Kind)] {
        var emails: [(start: Int, end: Int, kind: Kind)] = []
        for at in bytes.indices where bytes[at] == UInt8(ascii: "@") {
            if let span = email(around: at, in: bytes), span.start >= (emails.last?.end ?? 0) {
                emails.append((span.start, span.end, .email))
            }
        }
        var spans: [(start: Int, end: Int, kind: Kind)] = []
        var nextEmail = 0
        var index = 0
        while index < bytes.count {
            if nextEmail < emails.count && emails[nextEmail].start == index {
                spans.append(emails[nextEmail])
                index = emails[nextEmail].end
                nextEmail += 1
                continue
            }
            let limit = nextEmail < emails.count ? emails[nextEmail].start : bytes.count
            if let end = iban(at: index, in: bytes), end <= limit {
                spans.append((index, end, .account))
                index = end
                continue
            }
            if startsNumber(bytes, at: index) {
                let (match, chainEnd) = number(at: index, in: bytes)
                if let (start, end, kind) = match, end <= limit {
                    spans.append((start, end, kind))
                    index = end
                } else {
                    // A number that is none of them is passed whole: no part of it is read again.
                    index = max(index + 1, min(chainEnd, limit))
                }
                continue
            }
            index += 1
        }
        return spans
    }

    // MARK: - E-mail

    private static func isLocalByte(_ b: UInt8) -> Bool {
        isWordByte(b) || b >= 0x80 || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "%")
            || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
    }

    private static func isDomainByte(_ b: UInt8) -> Bool {
        isWordByte(b) || b >= 0x80 || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
    }

    /// The address around the `@` at `at`: where its local part starts and where its domain ends.
    private static func email(around at: Int, in bytes: [UInt8]) -> (start: Int, end: Int)? {
        var start = at
        while start > 0 && isLocalByte(bytes[start - 1]) { start -= 1 }
        while start < at && bytes[start] == UInt8(ascii: ".") { start += 1 }
        guard start < at else { return nil }
        var end = at + 1
        while end < bytes.count && isDomainByte(bytes[end]) { end += 1 }
        while end > at + 1 && (bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-")) { end -= 1 }
        // A domain of two labels or more whose last is letters (any script) or punycode.
        guard let lastDot = bytes[(at + 1)..<end].lastIndex(of: UInt8(ascii: ".")), lastDot > at + 1 else { return nil }
        let top = bytes[(lastDot + 1)..<end]
        let punycode = top.starts(with: Array("xn--".utf8)) && top.count > 4
        guard punycode || (top.count >= 2 && top.allSatisfy { isLetter($0) || $0 >= 0x80 }) else { return nil }
        return (start, end)
    }

    // MARK: - Numbers

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private static func isWordByte(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    private static func isSeparator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: " ") || b == UInt8(ascii: "(")
            || b == UInt8(ascii: ")") || b == UInt8(ascii: "/") || b == UInt8(ascii: "_")
    }

    /// Letters that may stand right before a phone number: `tel010-…`, `HP010…`.
    private static let phoneLabels: Set<String> = ["tel", "phone", "hp", "mobile", "mob", "cell", "fax", "ph", "t", "m", "p", "h"]

    /// Words that make the number after them a bank account.
    private static let accountWords = [
        "계좌", "은행", "예금주", "입금", "송금", "농협", "국민", "신한", "우리", "하나", "기업", "카카오", "토스", "뱅크",
        "새마을", "우체국", "신협", "수협", "account", "acct", "bank", "iban",
    ].map { Array($0.utf8) }

    /// Words that make the number after them a phone number, however it is spaced.
    private static let phoneWords = [
        "전화", "연락", "휴대", "핸드폰", "폰", "팩스", "tel", "phone", "call", "mobile", "cell", "fax",
    ].map { Array($0.utf8) }

    /// Words that make the number after them a code of a thing or a company, never a person's.
    private static let codeWords = ["법인", "사업자", "상품", "바코드", "코드", "주문", "송장", "code", "ean", "isbn", "sku", "order"]
        .map { Array($0.utf8) }

    /// Words right after a number that make it an amount, not a phone.
    private static let amountWords = ["원", "krw", "won", "usd", "$", "달러", "억", "만", "엔", "위안", "eur", "명", "개", "건"]
        .map { Array($0.utf8) }

    private static func startsNumber(_ bytes: [UInt8], at index: Int) -> Bool {
        let byte = bytes[index]
        if index > 0 && isWordByte(bytes[index - 1]) {
            // A label such as tel or HP may touch the number.
            guard isDigit(byte), !isDigit(bytes[index - 1]) else { return false }
            var start = index
            while start > 0 && isLetter(bytes[start - 1]) { start -= 1 }
            if start > 0 && isWordByte(bytes[start - 1]) { return false }
            return phoneLabels.contains(String(decoding: bytes[start..<index], as: UTF8.self).lowercased())
        }
        if isDigit(byte) { return true }
        guard index + 1 < bytes.count, byte == UInt8(ascii: "+") || byte == UInt8(ascii: "(") else { return false }
        return isDigit(bytes[index + 1])
    }

    /// A number starting at `start` read as digit groups and the separators between them.
    private struct Chain {
        var prefix: UInt8?
        var groups: [Int] = []
        var separators: [[UInt8]] = []
        var digits: [UInt8] = []
        /// Where each group ends, a closing parenthesis after the first included.
        var ends: [Int] = []
    }

    /// The personal data starting at `start`: the chain of digit groups taken whole, or a
    /// part of it that ends where a spaced separator follows unspaced ones.
    private static func number(at start: Int, in bytes: [UInt8]) -> (match: (Int, Int, Kind)?, chainEnd: Int) {
        var chain = Chain()
        var index = start
        if !isDigit(bytes[index]) {
            chain.prefix = bytes[index]
            index += 1
        }
        while index < bytes.count && chain.digits.count <= 19 {
            let groupStart = index
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
            guard index > groupStart else { break }
            chain.groups.append(index - groupStart)
            chain.digits += bytes[groupStart..<index]
            var end = index
            if chain.prefix == UInt8(ascii: "("), chain.groups.count == 1, end < bytes.count, bytes[end] == UInt8(ascii: ")") {
                end += 1
            }
            chain.ends.append(end)
            // A separator: up to three of - . space ( ) / _, then a digit.
            var next = index
            while next < bytes.count && next - index < 3 && isSeparator(bytes[next]) { next += 1 }
            guard next > index, next < bytes.count, isDigit(bytes[next]) else { break }
            chain.separators.append(Array(bytes[index..<next]))
            index = next
        }
        let before = context(before: start, in: bytes)
        // The whole chain first; then shorter ones that end before a spaced separator.
        for count in stride(from: chain.groups.count, through: 1, by: -1) {
            if count < chain.groups.count {
                let following = chain.separators[count - 1]
                let inside = chain.separators.prefix(count - 1)
                guard following.contains(UInt8(ascii: " ")), !inside.contains(where: { $0.contains(UInt8(ascii: " ")) }) else {
                    continue
                }
            }
            let end = chain.ends[count - 1]
            guard end >= bytes.count || !(isWordByte(bytes[end]) || bytes[end] == UInt8(ascii: "@")) else { continue }
            var part = chain
            part.groups = Array(chain.groups.prefix(count))
            part.separators = Array(chain.separators.prefix(count - 1))
            part.digits = Array(chain.digits.prefix(part.groups.reduce(0, +)))
            if let kind = classify(part, before: before, after: word(after: end, in: bytes)) {
                // A parenthesis around the whole number stays; one around an area code goes with it.
                if chain.prefix == UInt8(ascii: "(") {
                    if part.groups.count == 1 && bytes[end - 1] == UInt8(ascii: ")") { return ((start + 1, end - 1, kind), end) }
                    if !(part.separators.first ?? []).contains(UInt8(ascii: ")")) { return ((start + 1, end, kind), end) }
                }
                return ((start, end, kind), end)
            }
        }
        return (nil, chain.ends.last ?? start + 1)
    }

    /// The dozen or so bytes before `index`, lowercased ASCII, for words such as 계좌.
    private static func context(before index: Int, in bytes: [UInt8]) -> [UInt8] {
        Array(bytes[max(0, index - 24)..<index]).map { isLetter($0) ? $0 | 0x20 : $0 }
    }

    /// The word right after `index`, spaces passed over, lowercased ASCII.
    private static func word(after index: Int, in bytes: [UInt8]) -> [UInt8] {
        var start = index
        while start < bytes.count && bytes[start] == UInt8(ascii: " ") { start += 1 }
        return Array(bytes[start..<min(bytes.count, start + 6)]).map { isLetter($0) ? $0 | 0x20 : $0 }
    }

    private static func classify(_ chain: Chain, before: [UInt8], after: [UInt8]) -> Kind? {
        let groups = chain.groups, digits = chain.digits
        let count = digits.count
        let separators = Set(chain.separators.map { $0.filter { $0 != UInt8(ascii: " ") } })
        let uniform = Set(chain.separators).count <= 1
        let amount = amountWords.contains { after.starts(with: $0) }
        // A parenthesis before a number that does not close after its first group opens
        // around the whole number: "(751231-1234567)".
        let plain = chain.prefix == nil
            || (chain.prefix == UInt8(ascii: "(") && !(chain.separators.first ?? []).contains(UInt8(ascii: ")")))

        let code = codeWords.contains { contains(before, $0) }
        if plain && !code && count == 13 && (groups == [13] || groups == [6, 7]) && isBirthDate(digits) {
            if groups == [13] || separators == [Array("-".utf8)] || separators == [[]] { return .residentNumber }
        }
        if plain && !amount && !code {
            if count == 16 && ((groups == [4, 4, 4, 4] && uniform) || (groups == [16] && luhn(digits))) { return .card }
            if count == 15 && ((groups == [4, 6, 5] && uniform) || (groups == [15] && luhn(digits))) && luhn(digits) { return .card }
            let bankShapes: [[Int]] = [[3, 3, 6], [4, 3, 6], [6, 2, 6], [3, 4, 4, 2], [3, 6, 2, 3], [3, 2, 6], [4, 2, 7]]
            if bankShapes.contains(groups) && separators == [Array("-".utf8)] { return .account }
            if (10...16).contains(count) && accountWords.contains(where: { contains(before, $0) }) { return .account }
        }
        if chain.prefix == UInt8(ascii: "+") { return (8...15).contains(count) && !amount ? .phone : nil }
        // 0082-10-…, 001-1-…: an international call prefix, then a country code.
        if digits.starts(with: Array("00".utf8)) && (11...17).contains(count) && groups.count >= 2 && !amount { return .phone }
        if chain.prefix == UInt8(ascii: "("), !plain { return (9...11).contains(count) && groups.count >= 2 && !amount ? .phone : nil }
        let first = digits.first ?? 0, second = digits.count > 1 ? digits[1] : 0
        if first == UInt8(ascii: "0") {
            if groups.count == 1 {
                // Unseparated: a Korean mobile (01…) or area-coded number.
                if second == UInt8(ascii: "1") { return (10...11).contains(count) ? .phone : nil }
                return (UInt8(ascii: "2")...UInt8(ascii: "6")).contains(second) && (9...10).contains(count) ? .phone : nil
            }
            // French 01 23 45 67 89.
            if count == 10 && groups == [2, 2, 2, 2, 2] { return .phone }
            // Korean (010-1234-5678, 02-123-4567) and British (020 7946 0958, 07700 900123) forms.
            guard (9...11).contains(count), groups[0] <= 5, !amount else { return nil }
            return groups.count == 2 ? (groups[1] >= 6 || groups[0] <= 3 ? .phone : nil) : (groups.last! >= 4 ? .phone : nil)
        }
        // 82-10-1234-5678: Korea's country code without its +.
        if groups.count >= 3 && groups[0] == 2 && digits.starts(with: Array("82".utf8)) && (10...12).contains(count) && !amount {
            return .phone
        }
        // North American 555-123-4567 and 1-800-555-0199: an area code from 2 to 9, one
        // separator throughout, spaces only after a word such as phone or 전화.
        let spaced = separators.contains([])
        let called = phoneWords.contains { contains(before, $0) }
        let area = groups.first == 1 ? (digits.count > 1 ? digits[1] : 0) : first
        if (groups == [3, 3, 4] || (groups == [1, 3, 3, 4] && first == UInt8(ascii: "1"))) && uniform
            && (!spaced || called) && area >= UInt8(ascii: "2") && !amount {
            return .phone
        }
        return nil
    }

    /// An IBAN at `index`: two capital letters, two check digits, then 11 to 30 letters and
    /// digits, in groups of four or unspaced; returns where it ends.
    private static func iban(at index: Int, in bytes: [UInt8]) -> Int? {
        func isCapital(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
        guard index + 4 <= bytes.count, index == 0 || !isWordByte(bytes[index - 1]),
              isCapital(bytes[index]), isCapital(bytes[index + 1]), isDigit(bytes[index + 2]), isDigit(bytes[index + 3])
        else { return nil }
        var end = index + 4, characters = 4, last = end
        while end < bytes.count && characters < 34 {
            if isDigit(bytes[end]) || isCapital(bytes[end]) {
                characters += 1
                end += 1
                last = end
            } else if bytes[end] == UInt8(ascii: " "), end + 1 < bytes.count, isDigit(bytes[end + 1]) || isCapital(bytes[end + 1]) {
                end += 1
            } else {
                break
            }
        }
        guard (15...34).contains(characters), last >= bytes.count || !isWordByte(bytes[last]) else { return nil }
        return last
    }

    /// True when the first six digits are a date, YYMMDD, and the seventh a century and sex digit.
    private static func isBirthDate(_ digits: [UInt8]) -> Bool {
        let value = digits.map { Int($0) - 0x30 }
        let month = value[2] * 10 + value[3], day = value[4] * 10 + value[5]
        return (1...12).contains(month) && (1...31).contains(day) && (1...8).contains(value[6])
    }

    /// The Luhn check that card numbers pass.
    private static func luhn(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (offset, byte) in digits.reversed().enumerated() {
            var value = Int(byte) - 0x30
            if offset % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
