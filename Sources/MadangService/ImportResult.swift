import MadangCore

/// What an import did.
public struct ImportResult: Sendable {
    /// How the import ended.
    public enum Outcome: Sendable {
        /// The rows were stored as this batch.
        case stored(ImportBatch)
        /// A dry run: everything was read and checked, nothing stored.
        case dryRun
        /// A strict import found bad rows, so nothing was stored.
        case refused
        /// The hearing already holds this very file, as this batch; nothing was added.
        case alreadyImported(ImportBatch)
    }

    public var outcome: Outcome
    /// Data rows read (the header not counted).
    public var rowsRead = 0
    /// Rows stored (or, for a dry run or a refused import, that would have been).
    public var imported = 0
    /// Rows already in the hearing from an earlier import.
    public var duplicates = 0
    public var rejected = 0
    /// Rows stored with control characters (a NUL, a terminal escape sequence) removed from their text.
    public var cleaned = 0
    /// The first problems found; the rejects file holds them all.
    public var problems: [RowProblem] = []
    /// Where the rejected rows were written, when some were and the batch was kept.
    public var rejectsFile: String?
    /// Why the rejected rows of a kept batch could not be written, if they could not:
    /// the batch is stored all the same.
    public var rejectsProblem: String?
}

/// How far an import has come.
public struct ImportProgress: Sendable {
    /// Bytes of the file read so far.
    public var bytesRead: Int
    /// The file's size in bytes.
    public var totalBytes: Int
    /// Rows read so far.
    public var rows: Int
}
