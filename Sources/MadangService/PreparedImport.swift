import Foundation
import MadangCore
import MadangIntake
import MadangStore

/// An import whose file is open and whose columns are mapped, ready to run: show its
/// ``plan`` to the person importing, then pass it to ``Workspace/runImport(_:progress:)``.
public struct PreparedImport: Sendable {
    public let request: ImportRequest
    /// How the file will be read.
    public let plan: ImportPlan
    let hearing: Hearing
    let file: CSVFile
    let converter: RowConverter
}

extension Workspace {
    /// Opens the request's file, settles its encoding and delimiter, maps its columns to
    /// fields, and checks every option; stores nothing.
    ///
    /// - Throws: ``StoreError/unknownHearing(slug:existing:)``, ``ServiceError`` for an
    ///   option that is not understood, `CSVError` for a file that cannot be read, and
    ///   `ImportError` for a mapping that cannot be made.
    public func prepareImport(_ request: ImportRequest) async throws -> PreparedImport {
        try await run { store in
            guard let encoding = TextEncoding.named(request.encoding) else {
                throw ServiceError.unknownEncoding(request.encoding, known: ["auto"] + TextEncoding.allCases.map(\.rawValue))
            }
            let delimiter = try request.delimiter.map { name in
                guard let byte = CSVDialect.delimiter(named: name) else { throw ServiceError.invalidDelimiter(name) }
                return byte
            }
            let zone = try request.timeZone.map(Workspace.timeZone(named:)) ?? .current
            let hearing = try store.hearing(slug: request.hearing)
            var file = switch request.source {
            case .file(let path): try CSVFile(path: path, encoding: encoding, delimiter: delimiter)
            case .upload(let name, let bytes): try CSVFile(name: name, bytes: bytes, encoding: encoding, delimiter: delimiter)
            }
            file.maximumRecordSize = request.maximumRecordSize
            let mapping = try ColumnMapping(header: ImportRun.header(of: file), kind: request.kind, overrides: request.columnMap)
            let (order, orderNote) = try Workspace.dateOrder(of: file, mapping: mapping, given: request.dateOrder)
            let converter = RowConverter(
                mapping: mapping, kind: request.kind, hearingID: hearing.id ?? 0, fileName: request.fileName,
                defaultGroup: request.group, panel: try store.panel(hearingID: hearing.id ?? 0), timeZone: zone,
                dateOrder: order)
            func column(_ index: Int) -> ImportPlan.Column { ImportPlan.Column(number: index + 1, header: mapping.header[index]) }
            let plan = ImportPlan(
                path: file.path, size: file.size, encoding: file.encoding.rawValue, encodingDetected: file.encodingDetected,
                delimiter: file.dialect.delimiterName, delimiterDetected: file.delimiterDetected, dateOrder: orderNote,
                mapped: mapping.columns.sorted { $0.value < $1.value }.map { ImportPlan.Mapping(column: column($0.value), field: $0.key.rawValue) },
                ignored: mapping.ignored.map(column))
            return PreparedImport(request: request, plan: plan, hearing: hearing, file: file, converter: converter)
        }
    }

    /// Prepares and runs an import in one call.
    public func importFile(
        _ request: ImportRequest, progress: @escaping @Sendable (ImportProgress) -> Void = { _ in }
    ) async throws -> ImportResult {
        try await runImport(try await prepareImport(request), progress: progress)
    }

    /// Runs a prepared import as one transaction: every row is stored, or none is (a
    /// dry run, a strict import with bad rows, a failure, a crash, or the calling task
    /// cancelled). Rejected rows go to the request's rejects file when the batch is kept.
    ///
    /// - Parameter progress: called on the storing thread, inside the import's
    ///   transaction, after each few dozen rows; keep it short.
    public func runImport(
        _ prepared: PreparedImport, progress: @escaping @Sendable (ImportProgress) -> Void = { _ in }
    ) async throws -> ImportResult {
        try await runCancellable { store, cancelled in
            try Workspace.storeImport(prepared, store: store, cancelled: cancelled, progress: progress)
        }
    }

    private static func storeImport(
        _ prepared: PreparedImport, store: Store, cancelled: CancellationFlag,
        progress: @escaping @Sendable (ImportProgress) -> Void
    ) throws -> ImportResult {
        let request = prepared.request
        let file = prepared.file
        // Rejects go to a private, nameless scratch file, published only if the batch is kept.
        let rejects = try request.dryRun ? nil : request.rejectsPath.map { try RejectsFile(destination: $0) }
        var summary = ImportRun.Summary()
        let source = ImportBatchSource(
            hearingID: prepared.hearing.id ?? 0, kind: request.kind, fileName: request.fileName,
            encoding: file.encoding.rawValue, delimiter: file.dialect.delimiterName)
        let stored: (batch: ImportBatch, kept: Bool)
        let filing = try Workspace.filing(store: store, hearingID: prepared.hearing.id ?? 0)
        do {
            stored = try store.importBatch(source, keep: { counts in
                !request.dryRun && !(request.strict && counts.rejected > 0)
            }, filing: filing) { inserter in
                summary = try ImportRun(file: file, converter: prepared.converter).run(
                    rejects: rejects?.handle,
                    progress: { bytes, rows in progress(ImportProgress(bytesRead: bytes, totalBytes: file.size, rows: rows)) }
                ) { row in
                    try cancelled.check()
                    return try inserter.insert(row.item, fingerprint: row.fingerprint) != nil
                }
                return ImportBatchCounts(sha256: summary.sha256, rowsRead: summary.rowsRead, imported: summary.imported,
                                         duplicates: summary.duplicates, rejected: summary.rejected)
            }
        } catch StoreError.alreadyImported(let earlier) {
            return ImportResult(outcome: .alreadyImported(earlier), rowsRead: summary.rowsRead)
        }
        var result = ImportResult(
            outcome: stored.kept ? .stored(stored.batch) : request.dryRun ? .dryRun : .refused,
            rowsRead: summary.rowsRead, imported: summary.imported, duplicates: summary.duplicates,
            rejected: summary.rejected, cleaned: summary.cleaned, problems: summary.firstProblems)
        if stored.kept {
            // New opinions join the campaigns they copy; a failure here leaves them for the next grouping.
            try? Workspace.joinCampaigns(hearingID: source.hearingID, itemIDs: try store.itemIDs(batchID: stored.batch.id), store: store)
        }
        if stored.kept, let rejects {
            // The batch is committed: a failure here is reported beside it, never as the import's failure.
            do {
                if summary.rejected > 0 {
                    try rejects.publish()
                    result.rejectsFile = rejects.destination
                } else if FileManager.default.fileExists(atPath: rejects.destination) {
                    // An earlier run's rejects no longer describe the file.
                    try FileManager.default.removeItem(atPath: rejects.destination)
                }
            } catch {
                result.rejectsProblem = String(describing: error)
            }
        }
        return result
    }

    /// The order of day and month in the file's date column: as given, else as its values
    /// show (reading until one value settles it, or, when the first thousand rows hold no
    /// date with its year last, no further), with a note saying how it was decided.
    ///
    /// - Throws: ``ImportError/ambiguousDateOrder(column:value:line:)`` when every date with
    ///   its year last could be read either way; ``ServiceError/unknownDateOrder(_:)``.
    static func dateOrder(of file: CSVFile, mapping: ColumnMapping, given: String?) throws -> (DateOrder?, String?) {
        if let given {
            guard let order = DateOrder(rawValue: given.lowercased()) else { throw ServiceError.unknownDateOrder(given) }
            return (order, "\(order.description), as given")
        }
        guard let column = mapping[.submittedAt] else { return (nil, nil) }
        struct Enough: Error {}
        var survey = DateOrderSurvey()
        var rows = 0
        do {
            try file.read { record in
                rows += 1
                guard rows > 1, column < record.count else { return }
                survey.add(record[column], line: record.line)
                if survey.isSettled || (rows > 1_000 && survey.firstAmbiguous == nil) { throw Enough() }
            }
        } catch is Enough {}
        if let settled = survey.settled {
            return (settled.order, "\(settled.order.description): '\(settled.value)' on line \(settled.line) shows it")
        }
        if let ambiguous = survey.firstAmbiguous {
            throw ImportError.ambiguousDateOrder(column: mapping.header[column], value: ambiguous.value, line: ambiguous.line)
        }
        return (nil, nil)
    }

    /// The time zone with this identifier or abbreviation (`Asia/Seoul`, `KST`, `UTC`).
    static func timeZone(named name: String) throws -> TimeZone {
        guard let zone = TimeZone(identifier: name) ?? TimeZone(abbreviation: name) else {
            throw ServiceError.unknownTimeZone(name)
        }
        return zone
    }
}

extension Workspace {
    /// The import batches, of one hearing or of all, newest first, each with its hearing's slug.
    public func importBatches(of slug: String? = nil) async throws -> [ImportBatchEntry] {
        try await run { store in
            let slugs = Dictionary(uniqueKeysWithValues: try store.hearings().map { ($0.id ?? 0, $0.slug) })
            let batches = try store.importBatches(hearingID: try slug.map { try store.hearing(slug: $0).id ?? 0 })
            return batches.map { ImportBatchEntry(batch: $0, hearing: slugs[$0.hearingID] ?? "") }
        }
    }

    /// Removes exactly what batch `id` contributed, and marks it undone; items a later
    /// import also holds stay, as that import's.
    public func undoImport(_ id: Int64) async throws -> UndoneImport {
        try await run { store in
            let (batch, removed, kept) = try store.undoBatch(id: id)
            return UndoneImport(batch: batch, removed: removed, kept: kept)
        }
    }
}

/// An import batch with the slug of its hearing.
public struct ImportBatchEntry: Hashable, Codable, Sendable {
    public var batch: ImportBatch
    public var hearing: String
}

/// What undoing an import removed.
public struct UndoneImport: Sendable {
    public var batch: ImportBatch
    /// How many items were removed.
    public var removed: Int
    /// How many of the items it added stay, because a later import holds them too.
    public var kept: Int
}
