import MadangCore

/// One record read by ``CSVReader``: its fields as UTF-8 bytes, and where it stood.
///
/// A record is only valid during the callback it is passed to; copy what you keep.
public struct CSVRecord: Sendable {
    /// The line the record starts on, from 1.
    public let line: Int
    /// The record's fields one after another.
    let bytes: [UInt8]
    /// Where each field ends in ``bytes``.
    let ends: [Int]
    /// Set in strict mode when the record is malformed; the fields are then read leniently.
    public let problem: CSVError?

    init(line: Int, bytes: [UInt8], ends: [Int], problem: CSVError?) {
        self.line = line
        self.bytes = bytes
        self.ends = ends
        self.problem = problem
    }

    /// How many fields the record has.
    public var count: Int { ends.count }

    /// The bytes of field `index`.
    public func bytes(at index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    /// Field `index` as text (invalid UTF-8 would show as U+FFFD; ``CSVFile`` checks
    /// the bytes before they reach the reader).
    public subscript(index: Int) -> String {
        String(decoding: bytes(at: index), as: UTF8.self)
    }

    /// Every field as text.
    public var fields: [String] { (0..<count).map { self[$0] } }
}
