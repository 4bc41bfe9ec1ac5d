import Foundation
import MadangCore

/// One pass over a file: every row mapped, converted and handed to a sink that
/// stores it, bad rows collected for the rejects file. Knows nothing of the
/// database; the sink does the storing.
public struct ImportRun: Sendable {
    /// What one pass did.
    public struct Summary: Sendable {
        /// Data rows read (the header not counted).
        public var rowsRead = 0
        public var imported = 0
        /// Rows already in the hearing, from an earlier import.
        public var duplicates = 0
        public var rejected = 0
        /// Rows stored with control characters (a NUL, an escape sequence) removed from their values.
        public var cleaned = 0
        /// The first problems, for the screen; the rejects file has them all.
        public var firstProblems: [RowProblem] = []
        /// The SHA-256 of the whole file, hexadecimal.
        public var sha256 = ""

        public init() {}
    }

    public let file: CSVFile
    public let converter: RowConverter

    public init(file: CSVFile, converter: RowConverter) {
        self.file = file
        self.converter = converter
    }

    /// The header row of `file`.
    public static func header(of file: CSVFile) throws -> [String] {
        struct Stop: Error {}
        var header: [String]?
        do {
            try file.read { record in
                header = record.fields
                throw Stop()
            }
        } catch is Stop {}
        guard let header else { throw ImportError.emptyFile(path: file.path) }
        return header
    }

    /// Reads the file to the end.
    ///
    /// - Parameters:
    ///   - rejects: where to write the rows not imported (UTF-8 CSV with a byte-order mark,
    ///     so Korean Excel opens it: line, reason, then the row's own fields), or nil to
    ///     write nothing. The header is written with the first rejected row.
    ///   - progress: bytes read so far and rows read so far, after each chunk.
    ///   - store: stores one row; returns false when the row was already there.
    public func run(
        rejects: FileHandle?, progress: (_ bytes: Int, _ rows: Int) -> Void = { _, _ in },
        store: (ImportRow) throws -> Bool
    ) throws -> Summary {
        try run(rejects: rejects, progress: progress, converted: nil, store: store)
    }

    /// ``run(rejects:progress:store:)``, telling `converted` (on the reading thread) how many
    /// rows the reader has converted after each batch it hands over: tests watch it stop.
    func run(
        rejects: FileHandle?, progress: (_ bytes: Int, _ rows: Int) -> Void = { _, _ in },
        converted: (@Sendable (Int) -> Void)?, store: (ImportRow) throws -> Bool
    ) throws -> Summary {
        var summary = Summary()
        func reject(_ problem: RowProblem, _ record: CSVRecord) throws {
            summary.rejected += 1
            if summary.firstProblems.count < 20 { summary.firstProblems.append(problem) }
            guard let rejects else { return }
            var bytes: [UInt8] = []
            if summary.rejected == 1 {
                bytes = [0xEF, 0xBB, 0xBF] + Array(CSVWriter.line(["line", "reason"] + converter.mapping.header).utf8)
            }
            bytes += Array(CSVWriter.line([String(problem.line), problem.description] + record.fields).utf8)
            do {
                try rejects.write(contentsOf: Data(bytes))
            } catch {
                throw ImportError.rejectsUnwritable(reason: error.localizedDescription)
            }
        }
        // Reading, decoding, parsing and converting run on a second thread, up to
        // 160 rows ahead of the storing, so both processor cores work.
        let channel = BatchChannel<Batch>(capacity: 4)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { [file, converter] in
            defer { done.signal() }
            do {
                try ImportRun.convert(file, with: converter, into: channel, converted: converted)
                channel.finish(throwing: nil)
            } catch {
                channel.finish(throwing: error)
            }
        }
        thread.start()
        defer {
            channel.cancel()
            done.wait()
        }
        var digest: SHA256.Digest?
        while let batch = try channel.receive() {
            for converted in batch.rows {
                summary.rowsRead += 1
                switch converted {
                case .row(let row):
                    if try store(row) {
                        summary.imported += 1
                        if row.cleaned { summary.cleaned += 1 }
                    } else {
                        summary.duplicates += 1
                    }
                case .problem(let problem, let record):
                    try reject(problem, record)
                }
            }
            progress(batch.bytesRead, summary.rowsRead)
            if let last = batch.digest { digest = last }
        }
        guard let digest else { throw Stopped() }
        summary.sha256 = digest.hex
        return summary
    }

    /// Rows converted ahead, with how far into the file they come.
    private struct Batch: Sendable {
        var rows: [Converted]
        var bytesRead: Int
        /// Set on the last batch: the SHA-256 of the whole file.
        var digest: SHA256.Digest?
    }

    private enum Converted: Sendable {
        case row(ImportRow)
        case problem(RowProblem, CSVRecord)
    }

    /// The reading stopped before the end of the file (the storing failed first).
    private struct Stopped: Error {}

    /// Reads and converts the whole file into batches, the last with the file's
    /// digest; stops when the receiver cancels.
    private static func convert(
        _ file: CSVFile, with converter: RowConverter, into channel: BatchChannel<Batch>, converted: (@Sendable (Int) -> Void)?
    ) throws {
        // Small batches keep memory flat: with 256 rows a batch, peak memory went from 40 to 56 MB.
        let batchSize = 32
        var rows: [Converted] = []
        rows.reserveCapacity(batchSize)
        var bytesRead = 0
        var total = 0
        var sawHeader = false
        let digest = try file.read(progress: { bytesRead = $0 }) { record in
            guard sawHeader else {
                sawHeader = true
                return
            }
            // Spreadsheets leave rows of empty cells below the data; they are no submission.
            if record.problem == nil, (0..<record.count).allSatisfy({ record.bytes(at: $0).isEmpty }) { return }
            switch converter.convert(record) {
            case .success(let row): rows.append(.row(row))
            case .failure(let problem): rows.append(.problem(problem, record))
            }
            if rows.count == batchSize {
                guard channel.send(Batch(rows: rows, bytesRead: bytesRead)) else { throw Stopped() }
                total += rows.count
                converted?(total)
                rows.removeAll(keepingCapacity: true)
            }
        }
        guard channel.send(Batch(rows: rows, bytesRead: bytesRead, digest: digest)) else { throw Stopped() }
    }
}
