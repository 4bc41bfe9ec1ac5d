import ArgumentParser
import Foundation
import MadangCore
import MadangService

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import comments, proposals or statements from a CSV file.",
        discussion: """
            The encoding (UTF-8, UTF-16, CP949 from Korean Excel) and the delimiter (comma, \
            semicolon, tab, pipe) are found from the file. Columns are matched to fields by their English \
            or Korean names (제목, 내용, 작성자, 단체, 찬성, 연락처, 일시, …); --map names the rest. \
            The mapping is printed before anything is stored.

            One import is one transaction: it is stored whole or not at all. Bad rows are skipped \
            and written, with line and reason, to FILE.rejects.csv next to the file (--strict \
            imports nothing if any row is bad). The same file is never imported twice, and a later \
            export that repeats earlier rows adds only the new ones.

            Fields: \(ImportField.allCases.map(\.rawValue).joined(separator: ", ")).

            Exit status: 0 when every row was imported (or the file was in already), 3 when \
            some rows were rejected and the others imported (with --dry-run: would be), 1 when \
            nothing was imported.

            Examples:
              madang import plan-4 comments.csv --kind comment
              madang import plan-4 form.csv --kind comment --map 'Your opinion=body'
              madang import plan-4 form.csv --kind comment --map 3=body --map 2=author
              madang import gwangju 제안.csv --kind proposal --group "Gwangju citizens"
              madang import gwangju 제안.csv --kind proposal --dry-run
              madang import plan-4 excel.csv --kind comment --encoding cp949
              madang import plan-4 excel.csv --kind comment --delimiter semicolon
              madang import plan-4 - --kind comment --map 2=body
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The hearing's slug.") var hearing: String
    @Argument(help: "The CSV file, or - for standard input.") var file: String
    @Option(help: "What the rows are.") var kind: ItemKind
    @Option(name: .customLong("map"), help: ArgumentHelp("COLUMN=field: read field from COLUMN (a header name or number).", valueName: "column=field"))
    var maps: [String] = []
    @Option(help: "auto, utf-8, utf-16, utf-16le, utf-16be, cp949 (also for EUC-KR), windows-1252.") var encoding = "auto"
    @Option(help: "comma, semicolon, tab, pipe, or the character; found from the file when not given.") var delimiter: String?
    @Option(help: "For proposals: the group of every row, when no column names it.") var group: String?
    @Option(help: ArgumentHelp("Time zone for times written without one, such as Asia/Seoul or KST (default: this computer's).", valueName: "zone"))
    var timeZone: String?
    @Option(help: ArgumentHelp("dmy, mdy or ymd: how dates with the year last are read, when no date in the file says.", valueName: "order"))
    var dateOrder: String?
    @Option(help: ArgumentHelp("Write the rejected rows here (default: FILE.rejects.csv beside the file; stdin.rejects.csv for -).", valueName: "file"))
    var rejects: String?
    @Option(help: ArgumentHelp("The most megabytes one record may take (default 16).", valueName: "MB"))
    var maxRecordSize: Int?
    @Flag(help: "Show the mapping, counts and errors, and store nothing.") var dryRun = false
    @Flag(help: "Import nothing if any row is bad.") var strict = false

    func validate() throws {
        if let maxRecordSize, !(1...4096).contains(maxRecordSize) { throw ValidationError("--max-record-size takes 1 to 4096 (megabytes).") }
    }

    func run() async throws {
        // `-` is standard input, read whole (it can be read only once).
        let source: ImportRequest.Source = file == "-"
            ? .upload(name: "stdin", bytes: [UInt8](try FileHandle.standardInput.readToEnd() ?? Data()))
            : .file(path: file)
        var request = ImportRequest(hearing: hearing, source: source, kind: kind)
        request.columnMap = maps
        request.encoding = encoding
        request.delimiter = delimiter
        request.group = group
        request.timeZone = timeZone
        request.dateOrder = dateOrder
        request.dryRun = dryRun
        request.strict = strict
        if let maxRecordSize { request.maximumRecordSize = maxRecordSize << 20 }
        request.rejectsFile = rejects ?? (file == "-" ? "stdin.rejects.csv" : nil)
        let workspace = try await database.open()
        let prepared = try await workspace.prepareImport(request)
        printPlan(prepared.plan)
        let progress = ProgressLine(total: prepared.plan.size)
        let pauseAfter = ProcessInfo.processInfo.environment["MADANG_TEST_PAUSE_AFTER_ROWS"].flatMap { Int($0) }
        let result = try await workspace.runImport(prepared) { report in
            progress.update(bytes: report.bytesRead, rows: report.rows)
            if let pauseAfter, report.rows >= pauseAfter { ImportCommand.pauseForever(rows: report.rows) }
        }
        progress.finish()
        if case .alreadyImported(let earlier) = result.outcome {
            // Not a failure: the file is in, as the user wanted.
            return print("\(request.fileName) is already imported, as batch \(earlier.id) "
                + "(\(Count.of(earlier.imported, "item")), \(earlier.importedAt.formatted(.iso8601.year().month().day()))); nothing was added. "
                + "To import it again, undo that batch first: madang imports undo \(earlier.id)")
        }
        report(result)
        if case .refused = result.outcome { throw ExitCode.failure }
        if result.rejected > 0 { throw ExitCode(ImportCommand.rejectedRowsStatus) }
    }

    /// The exit status of an import that stored its good rows and rejected others.
    static let rejectedRowsStatus: Int32 = 3

    /// The tests' hook (`MADANG_TEST_PAUSE_AFTER_ROWS=N`): stops inside the import's
    /// transaction once N rows are stored, says so on standard error, and waits to be killed.
    private static func pauseForever(rows: Int) -> Never {
        Console.error("paused after \(rows) rows")
        while true { sleep(3600) }
    }

    private func printPlan(_ plan: ImportPlan) {
        print("Reading \(file): \(plan.encoding)\(plan.encodingDetected ? " (detected)" : ""), "
            + "\(plan.delimiter)-separated\(plan.delimiterDetected ? " (detected)" : ""), \(plan.size) bytes.")
        var table = TextTable(header: ["COLUMN", "", "FIELD"])
        for mapping in plan.mapped {
            table.append(["\(mapping.column.number) \(mapping.column.header)", "→", mapping.field])
        }
        print(table.rendered().split(separator: "\n").dropFirst().map { "  " + $0 }.joined(separator: "\n"))
        if !plan.ignored.isEmpty {
            print("  Ignored: " + plan.ignored.map { "\($0.number) \($0.header)" }.joined(separator: ", "))
        }
        if let order = plan.dateOrder { print("  Dates: \(order)") }
    }

    private func report(_ result: ImportResult) {
        let kept = if case .stored = result.outcome { true } else { false }
        var line = "\(Count.of(result.rowsRead, "row")) read: \(result.imported.formatted()) \(kept ? "imported" : "would be imported")"
        if result.duplicates > 0 { line += ", \(result.duplicates.formatted()) already in \(hearing) from earlier imports" }
        if result.rejected > 0 { line += ", \(result.rejected.formatted()) rejected" }
        print(line + ".")
        if result.cleaned > 0 {
            print("\(Count.of(result.cleaned, "row")) had control characters (such as NUL or a terminal escape) in their text; they were removed.")
        }
        for problem in result.problems.prefix(10) {
            Console.error("  " + ([problem.description] + [Advice.advice(for: problem)].compactMap { $0 }).joined(separator: " "))
        }
        if result.rejected > 10 { Console.error("  … and \(result.rejected - 10) more.") }
        switch result.outcome {
        case .dryRun:
            print("Dry run: nothing was stored.")
        case .refused:
            Console.error("Nothing was imported: --strict refuses a file with bad rows. Fix the rows above, or import without --strict to skip them.")
        case .stored(let batch):
            print("Stored as batch \(batch.id). Undo with: madang imports undo \(batch.id)")
            if let rejects = result.rejectsFile { print("Rejected rows, with their reasons: \(rejects)") }
            if let problem = result.rejectsProblem { Console.error("The batch is stored, but: \(problem) The reasons above are the first of them.") }
        case .alreadyImported:
            break
        }
    }
}
