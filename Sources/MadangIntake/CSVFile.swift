import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A CSV file on disk with its encoding and dialect, found from its first bytes
/// or given by the user, read as a stream of records in constant memory.
///
/// ```swift
/// let file = try CSVFile(path: "comments.csv")
/// let digest = try file.read { record in print(record.line, record.fields) }
/// ```
public struct CSVFile: Sendable {
    public let path: String
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
        self.path = path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int
        else { throw CSVError.unreadable(path: path, reason: "no such file") }
        self.size = size
        let sample = try CSVFile.readPrefix(path: path, count: 64 * 1024)
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
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw CSVError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var hash = SHA256()
        let decoder = try InputDecoder(encoding: encoding, startOffset: bomLength)
        var reader = CSVReader(dialect: dialect)
        var chunk = [UInt8](repeating: 0, count: CSVFile.chunkSize)
        var text: [UInt8] = []
        text.reserveCapacity(CSVFile.chunkSize * 2)
        var total = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            guard count >= 0 else { throw CSVError.unreadable(path: path, reason: String(cString: strerror(errno))) }
            let skip = total == 0 ? min(bomLength, count) : 0
            total += count
            text.removeAll(keepingCapacity: true)
            try chunk.withUnsafeBufferPointer { buffer in
                let bytes = UnsafeBufferPointer(rebasing: buffer[0..<count])
                hash.update(bytes)
                try decoder.decode(UnsafeBufferPointer(rebasing: bytes[skip...]), isFinal: count == 0, into: &text)
            }
            try text.withUnsafeBufferPointer { try reader.consume($0, onRecord) }
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
