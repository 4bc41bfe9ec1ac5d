import MadangCore
import Foundation
#if canImport(Glibc)
import Glibc
private let readFile = Glibc.read
#elseif canImport(Musl)
import Musl
private let readFile = Musl.read
#elseif canImport(Darwin)
import Darwin
private let readFile = Darwin.read
#endif

/// A CSV file, on disk or already in memory (an upload), with its encoding and
/// dialect, found from its first bytes or given by the user, read as a stream of
/// records; a file on disk is read in constant memory.
///
/// ```swift
/// let file = try CSVFile(path: "comments.csv")
/// let digest = try file.read { record in print(record.line, record.fields) }
/// ```
public struct CSVFile: Sendable {
    /// The file's path, or the name an upload was given.
    public let path: String
    /// The bytes of an upload; nil for a file on disk, which is read as it goes.
    private let contents: [UInt8]?
    /// The file's size in bytes.
    public let size: Int
    public let encoding: TextEncoding
    /// True when the encoding was found from the file rather than given.
    public let encodingDetected: Bool
    public let dialect: CSVDialect
    /// True when the delimiter was found from the file rather than given.
    public let delimiterDetected: Bool
    /// The length of the byte-order mark the file starts with, if any.
    let bomLength: Int
    /// The most bytes one record may take; a larger one stops the reading with
    /// ``CSVError/recordTooLarge(line:limit:)`` (an unclosed quote swallowing the file, or
    /// a file that is no CSV), so memory stays bounded whatever the input.
    public var maximumRecordSize = CSVFile.defaultMaximumRecordSize

    /// 16 MiB: some thousand times the longest opinion people write.
    public static let defaultMaximumRecordSize = 16 << 20

    /// How much is read at a time.
    static let chunkSize = 1 << 20

    /// Opens `path` and settles its encoding and delimiter.
    ///
    /// - Parameters:
    ///   - encoding: `.auto` to detect it.
    ///   - delimiter: nil to detect it.
    public init(
        path: String, encoding: TextEncodingChoice = .auto, delimiter: UInt8? = nil, strict: Bool = true
    ) throws {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int
        else { throw CSVError.unreadable(path: path, reason: "no such file") }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            // A pipe, a FIFO or a terminal can be read only once: what the encoding and
            // delimiter are found from must not be lost to the rows, so it is read whole.
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw CSVError.unreadable(path: path, reason: "permission denied")
            }
            defer { try? handle.close() }
            let bytes: [UInt8]
            do {
                bytes = [UInt8](try handle.readToEnd() ?? Data())
            } catch {
                throw CSVError.unreadable(path: path, reason: error.localizedDescription)
            }
            try self.init(name: path, bytes: bytes, encoding: encoding, delimiter: delimiter, strict: strict)
            return
        }
        try self.init(path: path, contents: nil, size: size, sample: try CSVFile.readPrefix(path: path, count: CSVFile.sampleSize),
                      encoding: encoding, delimiter: delimiter, strict: strict)
    }

    /// A file already in memory, such as an upload; `name` stands for its path in messages.
    public init(
        name: String, bytes: [UInt8], encoding: TextEncodingChoice = .auto, delimiter: UInt8? = nil, strict: Bool = true
    ) throws {
        try self.init(path: name, contents: bytes, size: bytes.count, sample: Array(bytes.prefix(CSVFile.sampleSize)),
                      encoding: encoding, delimiter: delimiter, strict: strict)
    }

    /// How much of the start is read to find the encoding and the delimiter.
    private static let sampleSize = 64 * 1024

    private init(
        path: String, contents: [UInt8]?, size: Int, sample: [UInt8],
        encoding: TextEncodingChoice, delimiter: UInt8?, strict: Bool
    ) throws {
        self.path = path
        self.contents = contents
        self.size = size
        let detected = TextEncoding.detect(sample)
        switch encoding {
        case .auto:
            (self.encoding, bomLength) = detected
        case .utf16:
            if sample.starts(with: [0xFE, 0xFF]) { (self.encoding, bomLength) = (.utf16BigEndian, 2) }
            else { (self.encoding, bomLength) = (.utf16LittleEndian, sample.starts(with: [0xFF, 0xFE]) ? 2 : 0) }
        case .forced(let forced):
            self.encoding = forced
            let bom: [UInt8] = switch forced {
            case .utf8: [0xEF, 0xBB, 0xBF]
            case .utf16LittleEndian: [0xFF, 0xFE]
            case .utf16BigEndian: [0xFE, 0xFF]
            case .cp949, .windows1252: []
            }
            bomLength = !bom.isEmpty && sample.starts(with: bom) ? bom.count : 0
        }
        encodingDetected = encoding == .auto
        var dialect = CSVDialect(strict: strict)
        if let delimiter {
            dialect.delimiter = delimiter
            delimiterDetected = false
        } else {
            let decoder = try InputDecoder(encoding: self.encoding, startOffset: bomLength)
            var text: [UInt8] = []
            try Array(sample.dropFirst(bomLength)).withUnsafeBufferPointer {
                try decoder.decode($0, isFinal: sample.count == size, into: &text)
            }
            dialect.delimiter = CSVDialect.detectDelimiter(in: text)
            delimiterDetected = true
        }
        self.dialect = dialect
    }

    /// Reads every record in order and returns the SHA-256 of the whole file.
    ///
    /// - Parameters:
    ///   - progress: called after each chunk with the number of bytes read so far.
    ///   - onRecord: called with each record; throwing stops the reading.
    @discardableResult
    public func read(
        progress: (Int) -> Void = { _ in }, _ onRecord: (CSVRecord) throws -> Void
    ) throws -> SHA256.Digest {
        if let contents {
            return try contents.withUnsafeBufferPointer { all in
                var offset = 0
                return try read(progress: progress, onRecord) { chunk in
                    let count = min(chunk.count, all.count - offset)
                    if count > 0 { chunk.baseAddress!.update(from: all.baseAddress! + offset, count: count) }
                    offset += count
                    return count
                }
            }
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw CSVError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        return try read(progress: progress, onRecord) { chunk in
            let count = readFile(descriptor, chunk.baseAddress, chunk.count)
            guard count >= 0 else { throw CSVError.unreadable(path: path, reason: String(cString: strerror(errno))) }
            return count
        }
    }

    /// Reads chunks from `next` (which fills the buffer it is given and returns how much
    /// it filled, 0 at the end) and hands each record to `onRecord`.
    private func read(
        progress: (Int) -> Void, _ onRecord: (CSVRecord) throws -> Void,
        next: (UnsafeMutableBufferPointer<UInt8>) throws -> Int
    ) throws -> SHA256.Digest {
        var hash = SHA256()
        let decoder = try InputDecoder(encoding: encoding, startOffset: bomLength)
        var reader = CSVReader(dialect: dialect)
        var chunk = [UInt8](repeating: 0, count: CSVFile.chunkSize)
        var text: [UInt8] = []
        text.reserveCapacity(CSVFile.chunkSize * 2)
        var total = 0
        while true {
            let count = try chunk.withUnsafeMutableBufferPointer { try next($0) }
            let skip = total == 0 ? min(bomLength, count) : 0
            total += count
            text.removeAll(keepingCapacity: true)
            try chunk.withUnsafeBufferPointer { buffer in
                let bytes = UnsafeBufferPointer(rebasing: buffer[0..<count])
                hash.update(bytes)
                try decoder.decode(UnsafeBufferPointer(rebasing: bytes[skip...]), isFinal: count == 0, into: &text)
            }
            try text.withUnsafeBufferPointer { try reader.consume($0, onRecord) }
            if reader.pendingBytes > maximumRecordSize {
                throw CSVError.recordTooLarge(line: reader.pendingLine, limit: maximumRecordSize)
            }
            progress(total)
            if count == 0 { break }
        }
        try reader.finish(onRecord)
        return hash.finalize()
    }

    private static func readPrefix(path: String, count: Int) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CSVError.unreadable(path: path, reason: "permission denied or not a file")
        }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: count)) ?? Data())
    }
}
