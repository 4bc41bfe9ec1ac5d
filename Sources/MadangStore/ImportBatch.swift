import MadangCore

/// What an import is about to read, before its rows are known.
public struct ImportBatchSource: Sendable {
    public var hearingID: Int64
    public var kind: ItemKind
    public var fileName: String
    public var encoding: String
    public var delimiter: String

    public init(hearingID: Int64, kind: ItemKind, fileName: String, encoding: String, delimiter: String) {
        self.hearingID = hearingID
        self.kind = kind
        self.fileName = fileName
        self.encoding = encoding
        self.delimiter = delimiter
    }
}

/// The counts an import reports when its rows are all read.
public struct ImportBatchCounts: Sendable {
    public var sha256: String
    public var rowsRead: Int
    public var imported: Int
    public var duplicates: Int
    public var rejected: Int

    public init(sha256: String, rowsRead: Int, imported: Int, duplicates: Int, rejected: Int) {
        self.sha256 = sha256
        self.rowsRead = rowsRead
        self.imported = imported
        self.duplicates = duplicates
        self.rejected = rejected
    }
}
