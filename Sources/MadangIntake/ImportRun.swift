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
    ///   - rejects: where to write the rows not imported (CSV: line, reason, then the
    ///     row's own fields), or nil to write nothing.
    ///   - progress: bytes read so far and rows read so far, after each chunk.
    ///   - store: stores one row; returns false when the row was already there.
    public func run(
        rejects: URL?, progress: (_ bytes: Int, _ rows: Int) -> Void = { _, _ in },
        store: (ImportRow) throws -> Bool
    ) throws -> Summary {
        var summary = Summary()
        var rejectsHandle: FileHandle?
        defer { try? rejectsHandle?.close() }
        func reject(_ problem: RowProblem, _ record: CSVRecord) throws {
            summary.rejected += 1
            if summary.firstProblems.count < 20 { summary.firstProblems.append(problem) }
            guard let rejects else { return }
            if rejectsHandle == nil {
                guard FileManager.default.createFile(atPath: rejects.path, contents: nil),
                      let handle = FileHandle(forWritingAtPath: rejects.path)
                else {
                    throw CSVError.unreadable(path: rejects.path, reason: "cannot write the rejects file there")
                }
                rejectsHandle = handle
                handle.write(Data(CSVWriter.line(["line", "reason"] + converter.mapping.header).utf8))
            }
            rejectsHandle?.write(Data(CSVWriter.line([String(problem.line), problem.reason] + record.fields).utf8))
        }
        var sawHeader = false
        let digest = try file.read(progress: { progress($0, summary.rowsRead) }) { record in
            guard sawHeader else {
                sawHeader = true
                return
            }
            // Spreadsheets leave rows of empty cells below the data; they are no submission.
            if record.problem == nil, (0..<record.count).allSatisfy({ record.bytes(at: $0).isEmpty }) { return }
            summary.rowsRead += 1
            switch converter.convert(record) {
            case .success(let row):
                if try store(row) { summary.imported += 1 } else { summary.duplicates += 1 }
            case .failure(let problem):
                try reject(problem, record)
            }
        }
        summary.sha256 = digest.hex
        return summary
    }
}
