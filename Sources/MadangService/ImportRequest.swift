import MadangCore

/// What to import, and how: the file or upload, what its rows are, and how to read it.
///
/// Every option a person can set is given as the text they would type (`"cp949"`,
/// `"semicolon"`, `"Asia/Seoul"`), and checked by ``Workspace/prepareImport(_:)``.
public struct ImportRequest: Sendable {
    /// Where the rows come from.
    public enum Source: Sendable {
        /// A file on disk, read as it goes.
        case file(path: String)
        /// A file already in memory, such as an upload; `name` is recorded as its file name.
        case upload(name: String, bytes: [UInt8])
    }

    /// The hearing's slug.
    public var hearing: String
    public var source: Source
    /// What the rows are.
    public var kind: ItemKind
    /// `COLUMN=field` pairs (a header or a column number, then a field such as `body`)
    /// for the columns the headers do not name.
    public var columnMap: [String] = []
    /// `auto`, or an encoding such as `utf-8`, `utf-16`, `cp949`, `windows-1252`.
    public var encoding = "auto"
    /// `comma`, `semicolon`, `tab` or one character; nil to find it from the file.
    public var delimiter: String?
    /// For proposals: the group of every row, when no column names it.
    public var group: String?
    /// `dmy`, `mdy` or `ymd`: the order of the date column's day and month where its years
    /// come last; nil to find it from the values (and refuse a column that stays ambiguous).
    public var dateOrder: String?
    /// The zone for times written without one (an identifier such as `Asia/Seoul`); nil for this computer's.
    public var timeZone: String?
    /// Read everything, store nothing.
    public var dryRun = false
    /// Store nothing if any row is bad.
    public var strict = false
    /// The most bytes one record may take before the file is refused as not CSV.
    public var maximumRecordSize = 16 << 20
    /// Where to write the rows not imported, with their reasons; for a file on disk,
    /// nil means `FILE.rejects.csv` beside it; an upload's rejects are written only
    /// where this says.
    public var rejectsFile: String?

    public init(hearing: String, source: Source, kind: ItemKind) {
        self.hearing = hearing
        self.source = source
        self.kind = kind
    }

    /// The name recorded for the file: its last path component, or the upload's name, on
    /// one line and without control characters (a file name may hold a line break).
    public var fileName: String {
        let name = switch source {
        case .file(let path): path.split(separator: "/").last.map(String.init) ?? path
        case .upload(let name, _): name
        }
        let oneLine = String(name.unicodeScalars.map { $0.value < 0x20 ? " " : Character($0) })
        return Text.optional(oneLine) ?? "unnamed"
    }

    /// Where the rejects go, if anywhere.
    var rejectsPath: String? {
        if let rejectsFile { return rejectsFile }
        if case .file(let path) = source { return path + ".rejects.csv" }
        return nil
    }
}
