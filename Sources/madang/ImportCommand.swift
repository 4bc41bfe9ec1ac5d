import ArgumentParser
import Foundation
import MadangCore
import MadangDigest
import MadangIntake
import MadangStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import comments, proposals or statements from a CSV file.",
        discussion: """
            The encoding (UTF-8, UTF-16, CP949 from Korean Excel) and the delimiter (comma, \
            semicolon, tab) are found from the file. Columns are matched to fields by their English \
            or Korean names (제목, 내용, 작성자, 단체, 찬성, 연락처, 일시, …); --map names the rest. \
            The mapping is printed before anything is stored.

            One import is one transaction: it is stored whole or not at all. Bad rows are skipped \
            and written, with line and reason, to FILE.rejects.csv next to the file (--strict \
            imports nothing if any row is bad). The same file is never imported twice, and a later \
            export that repeats earlier rows adds only the new ones.

            Fields: \(ImportField.allCases.map(\.rawValue).joined(separator: ", ")).

            Examples:
              madang import smart-city-plan-4 comments.csv --kind comment
              madang import smart-city-plan-4 form.csv --kind comment --map 'What would you like to tell the city?=body'
              madang import gwangju-citizen-group 제안.csv --kind proposal --group "Gwangju citizens" --dry-run
              madang import smart-city-plan-4 excel.csv --kind comment --encoding cp949 --delimiter semicolon
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The hearing's slug.") var hearing: String
    @Argument(help: "The CSV file.") var file: String
    @Option(help: "What the rows are.") var kind: ItemKind
    @Option(name: .customLong("map"), help: ArgumentHelp("COLUMN=field: read field from COLUMN (a header name or number).", valueName: "column=field"))
    var maps: [String] = []
    @Option(help: "auto, utf-8, utf-16, utf-16le, utf-16be, cp949 (also for EUC-KR), windows-1252.") var encoding = "auto"
    @Option(help: "comma, semicolon, tab, or the character; found from the file when not given.") var delimiter: String?
    @Option(help: "For proposals: the group of every row, when no column names it.") var group: String?
    @Option(help: ArgumentHelp("Time zone for times written without one (default: this computer's).", valueName: "zone"))
    var timeZone: String?
    @Flag(help: "Show the mapping, counts and errors, and store nothing.") var dryRun = false
    @Flag(help: "Import nothing if any row is bad.") var strict = false

    func run() throws {
        guard let encodingChoice = TextEncoding.named(encoding) else {
            throw ValidationError("Unknown encoding '\(encoding)'; use auto, utf-8, utf-16, cp949.")
        }
        let delimiterByte = try delimiter.map(ImportCommand.delimiterByte)
        let zone = try timeZone.map { name in
            guard let zone = TimeZone(identifier: name) else { throw ValidationError("Unknown time zone '\(name)', such as Asia/Seoul.") }
            return zone
        } ?? .current
        let store = try database.open()
        let hearing = try store.hearing(slug: self.hearing)
        let csv = try CSVFile(path: file, encoding: encodingChoice, delimiter: delimiterByte)
        let mapping = try ColumnMapping(header: ImportRun.header(of: csv), kind: kind, overrides: maps)
        printPlan(csv, mapping)

        let fileName = URL(fileURLWithPath: file).lastPathComponent
        let converter = RowConverter(
            mapping: mapping, kind: kind, hearingID: hearing.id ?? 0, fileName: fileName, defaultGroup: group,
            panel: try store.panel(hearingID: hearing.id ?? 0), timeZone: zone)
        let rejectsURL = URL(fileURLWithPath: file + ".rejects.csv")
        // Rejects go to a scratch file that replaces FILE.rejects.csv only if the batch is kept.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("madang-rejects-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let progress = ImportProgress(total: csv.size)
        var summary = ImportRun.Summary()
        let source = ImportBatchSource(
            hearingID: hearing.id ?? 0, kind: kind, fileName: fileName,
            encoding: csv.encoding.rawValue, delimiter: csv.dialect.delimiterName)
        let outcome: (batch: ImportBatch, kept: Bool)
        do {
            outcome = try store.importBatch(source, keep: { counts in
            !dryRun && !(strict && counts.rejected > 0)
        }) { inserter in
            summary = try ImportRun(file: csv, converter: converter).run(
                rejects: dryRun ? nil : scratch, progress: progress.update
            ) { row in try inserter.insert(row.item, fingerprint: row.fingerprint) != nil }
            return ImportBatchCounts(sha256: summary.sha256, rowsRead: summary.rowsRead, imported: summary.imported,
                                     duplicates: summary.duplicates, rejected: summary.rejected)
            }
        } catch StoreError.alreadyImported(let earlier) {
            progress.finish()
            // Not a failure: the file is in, as the user wanted.
            return print("\(fileName) is already imported, as batch \(earlier.id) (\(earlier.imported) items, "
                + "\(earlier.importedAt.formatted(.iso8601.year().month().day()))); nothing was added.")
        }
        let (batch, kept) = outcome
        progress.finish()
        if kept {
            try? FileManager.default.removeItem(at: rejectsURL)
            if summary.rejected > 0 { try FileManager.default.moveItem(at: scratch, to: rejectsURL) }
        }
        report(summary, batch: batch, kept: kept, rejects: rejectsURL)
        if !kept, !dryRun { throw ExitCode.failure }
    }

    private func printPlan(_ csv: CSVFile, _ mapping: ColumnMapping) {
        print("Reading \(file): \(csv.encoding.rawValue)\(csv.encodingDetected ? " (detected)" : ""), "
            + "\(csv.dialect.delimiterName)-separated\(csv.delimiterDetected ? " (detected)" : ""), \(csv.size) bytes.")
        var table = TextTable(header: ["COLUMN", "", "FIELD"])
        for (field, column) in mapping.columns.sorted(by: { $0.value < $1.value }) {
            table.append(["\(column + 1) \(mapping.header[column])", "→", field.rawValue])
        }
        print(table.rendered().split(separator: "\n").dropFirst().map { "  " + $0 }.joined(separator: "\n"))
        let ignored = mapping.ignored
        if !ignored.isEmpty {
            print("  Ignored: " + ignored.map { "\($0 + 1) \(mapping.header[$0])" }.joined(separator: ", "))
        }
    }

    private func report(_ summary: ImportRun.Summary, batch: ImportBatch, kept: Bool, rejects: URL) {
        var line = "\(summary.rowsRead) rows read: \(summary.imported) \(kept ? "imported" : "would be imported")"
        if summary.duplicates > 0 { line += ", \(summary.duplicates) already in \(hearing) from earlier imports" }
        if summary.rejected > 0 { line += ", \(summary.rejected) rejected" }
        print(line + ".")
        for problem in summary.firstProblems.prefix(10) { Console.error("  " + problem.reason) }
        if summary.rejected > 10 { Console.error("  … and \(summary.rejected - 10) more.") }
        if dryRun {
            print("Dry run: nothing was stored.")
        } else if !kept {
            Console.error("Nothing was imported: --strict refuses a file with bad rows. Fix the rows above, or import without --strict to skip them.")
        } else {
            print("Stored as batch \(batch.id). Undo with: madang imports undo \(batch.id)")
            if summary.rejected > 0 { print("Rejected rows, with their reasons: \(rejects.path)") }
        }
    }

    static func delimiterByte(_ text: String) throws -> UInt8 {
        if let named = CSVDialect.delimiterNames.first(where: { $0.name == text.lowercased() }) { return named.byte }
        if text == "\\t" { return 0x09 }
        guard text.utf8.count == 1, let byte = text.utf8.first, byte != 0x22, byte != 0x0A, byte != 0x0D else {
            throw ValidationError("--delimiter takes comma, semicolon, tab, or one ASCII character.")
        }
        return byte
    }
}
