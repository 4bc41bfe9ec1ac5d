import Foundation
import Testing
import MadangCore
@testable import MadangIntake

/// ImportRun reads and converts on a second thread while the caller stores.
@Suite("Import runs: reading ahead on a second thread")
final class ImportRunTests {
    let folder: URL

    init() throws {
        folder = try TemporaryFolder.make("madang-run")
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A file of `rows` comments (title, body), with the bytes of `broken` (a line) after row `at`.
    func file(rows: Int, broken: [UInt8] = [], at: Int = 0) throws -> CSVFile {
        var bytes = Array("title,body\n".utf8)
        for row in 1...rows {
            bytes += Array("Title \(row),\"Body of comment \(row), with a comma\"\n".utf8)
            if row == at { bytes += broken }
        }
        let url = folder.appendingPathComponent("\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        return try CSVFile(path: url.path, encoding: .forced(.utf8))
    }

    func converter(_ file: CSVFile) throws -> RowConverter {
        RowConverter(mapping: try ColumnMapping(header: try ImportRun.header(of: file), kind: .comment), kind: .comment,
                     hearingID: 1, fileName: "f.csv", timeZone: .gmt, receivedAt: Date(timeIntervalSince1970: 0))
    }

    @Test("Every row reaches the store once, in file order, and the file's digest comes with the summary")
    func allRowsInOrder() throws {
        let csv = try file(rows: 5_000)
        var bodies: [String] = []
        var progressed: [Int] = []
        let summary = try ImportRun(file: csv, converter: try converter(csv)).run(rejects: nil, progress: { _, rows in
            progressed.append(rows)
        }) { row in
            bodies.append(row.item.body)
            return true
        }
        #expect(summary.rowsRead == 5_000 && summary.imported == 5_000)
        #expect(bodies == (1...5_000).map { "Body of comment \($0), with a comma" })
        #expect(progressed.last == 5_000 && progressed == progressed.sorted())
        var hash = SHA256()
        hash.update(Array(try Data(contentsOf: URL(fileURLWithPath: csv.path))))
        #expect(summary.sha256 == hash.finalize().hex)
    }

    @Test("When storing fails, the reading thread stops and the error reaches the caller")
    func storeFailureStopsReading() throws {
        struct Full: Error {}
        let csv = try file(rows: 100_000)
        let converted = Counter()
        var stored = 0
        #expect(throws: Full.self) {
            try ImportRun(file: csv, converter: try converter(csv)).run(rejects: nil, converted: { converted.set($0) }) { _ in
                stored += 1
                if stored == 100 { throw Full() }
                return true
            }
        }
        #expect(stored == 100)
        // The reader runs at most the channel's four batches (and the one it holds) ahead:
        // it stopped, rather than reading the other 99,000 rows for nobody.
        #expect(converted.value > 0 && converted.value <= 100 + 5 * 32, "the reader went on to row \(converted.value)")
    }

    @Test("A byte that is not UTF-8 far into the file fails the run with its line, after the rows before it")
    func readingFailureReachesTheCaller() throws {
        let csv = try file(rows: 3_000, broken: Array("Title x,bad ".utf8) + [0xFF] + Array("\n".utf8), at: 2_000)
        var stored = 0
        do {
            _ = try ImportRun(file: csv, converter: try converter(csv)).run(rejects: nil) { _ in
                stored += 1
                return true
            }
            Issue.record("a malformed file was read to the end")
        } catch let error as CSVError {
            #expect("\(error)".contains("2002"))
        }
        #expect(stored <= 2_000)
    }
}

/// The last number the reading thread reported.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var last = 0

    func set(_ value: Int) { lock.withLock { last = value } }
    var value: Int { lock.withLock { last } }
}
