/// The fields of a form sent as `application/x-www-form-urlencoded`, in order; a name
/// may come more than once (several boxes ticked).
struct FormFields: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    /// Reads the body's bytes; a malformed escape is kept as it stands, and bytes that are not
    /// UTF-8 become U+FFFD.
    init(_ body: some Collection<UInt8>) {
        var name: [UInt8] = [], value: [UInt8] = [], inValue = false
        func finish() {
            if !name.isEmpty || !value.isEmpty {
                pairs.append((FormFields.decoded(name), FormFields.decoded(value)))
            }
            name.removeAll(keepingCapacity: true)
            value.removeAll(keepingCapacity: true)
            inValue = false
        }
        for byte in body {
            switch byte {
            case UInt8(ascii: "&"): finish()
            case UInt8(ascii: "=") where !inValue: inValue = true
            default: if inValue { value.append(byte) } else { name.append(byte) }
            }
        }
        finish()
    }

    /// The first value given for `name`.
    subscript(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value given for `name`.
    func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// The value of `name` with outer space trimmed; nil when absent or blank.
    func text(_ name: String) -> String? {
        guard let value = self[name] else { return nil }
        let trimmed = value.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        return trimmed.isEmpty ? nil : String(trimmed)
    }

    /// `+` as a space and `%XX` as the byte XX, read as UTF-8.
    private static func decoded(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(0x20)
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                      let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
