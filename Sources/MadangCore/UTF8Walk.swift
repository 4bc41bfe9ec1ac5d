/// Walking UTF-8 bytes one scalar at a time: the decoder and checks every byte-level
/// reader of Madang shares (the CSV decoder, transcripts, the search tokenizer, the
/// quote chooser). Only the categorizer's matcher keeps its own, measured as a hot path.
public enum UTF8Walk {
    /// The length of the sequence `lead` starts: 1 to 4, or 0 for a byte that starts
    /// none (a continuation byte, or one UTF-8 never uses: C0, C1, F5–FF).
    @inlinable @inline(__always)
    public static func sequenceLength(lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: 1
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
    }

    /// The scalar that starts at `index`, and its length in bytes; nil where the bytes
    /// there are not well-formed UTF-8 (a stray or missing continuation byte, an overlong
    /// form, a surrogate, a value past U+10FFFF, or a sequence cut off by the end).
    @inlinable
    public static func scalar<Bytes: RandomAccessCollection<UInt8>>(
        in bytes: Bytes, at index: Bytes.Index
    ) -> (value: UInt32, length: Int)? {
        let offset = bytes.distance(from: bytes.startIndex, to: index)
        if let found = bytes.withContiguousStorageIfAvailable({ scalar(in: $0, at: offset) }) { return found }
        return Array(bytes).withUnsafeBufferPointer { scalar(in: $0, at: offset) }
    }

    /// ``scalar(in:at:)`` for a buffer, where the work is done: inlined into the loops that
    /// read text byte by byte (the search tokenizer, the NFC check), where a generic call
    /// took 3% of an import.
    @inlinable @inline(__always)
    public static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length = sequenceLength(lead: lead)
        guard length > 1, bytes.count - index >= length else { return nil }
        let second = bytes[index + 1]
        let (low, high): (UInt8, UInt8) = switch lead {
        case 0xE0: (0xA0, 0xBF)
        case 0xED: (0x80, 0x9F)
        case 0xF0: (0x90, 0xBF)
        case 0xF4: (0x80, 0x8F)
        default: (0x80, 0xBF)
        }
        guard second >= low, second <= high else { return nil }
        var value = UInt32(lead) & (0xFF >> UInt32(length + 1))
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (value, length)
    }

    /// The offset (from the collection's start) of the first byte that is not part of
    /// well-formed UTF-8, or nil. With `allowTruncatedEnd`, a sequence cut off by the
    /// end of the bytes is fine: the rest may come in the next chunk.
    public static func firstInvalidByte(in bytes: some RandomAccessCollection<UInt8>, allowTruncatedEnd: Bool = false) -> Int? {
        var index = bytes.startIndex
        var offset = 0
        while index != bytes.endIndex {
            if let (_, length) = scalar(in: bytes, at: index) {
                index = bytes.index(index, offsetBy: length)
                offset += length
                continue
            }
            if allowTruncatedEnd, isIncompleteTail(bytes[index...]) { return nil }
            return offset
        }
        return nil
    }

    /// The length of a sequence at the end of `bytes` that is well-formed so far but
    /// cut off (0 to 3).
    public static func incompleteTailLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard !bytes.isEmpty else { return 0 }
        for back in 1...min(3, bytes.count) {
            let lead = bytes[bytes.count - back]
            if lead & 0xC0 == 0x80 { continue }
            return isIncompleteTail(bytes[(bytes.count - back)...]) ? back : 0
        }
        return 0
    }

    /// True when `tail` is a lead byte and fewer continuation bytes than it needs.
    static func isIncompleteTail(_ tail: some Collection<UInt8>) -> Bool {
        guard let lead = tail.first else { return false }
        let length = sequenceLength(lead: lead)
        return length > 1 && tail.count < length && tail.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
    }
}
