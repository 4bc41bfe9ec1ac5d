import Foundation
import MadangCore

/// One import of one file into one hearing: what was read and what came of it.
public struct ImportBatch: Hashable, Codable, Sendable {
    public var id: Int64
    public var hearingID: Int64
    public var kind: ItemKind
    public var fileName: String
    /// SHA-256 of the file, hexadecimal: the same file is never imported twice.
    public var sha256: String
    public var encoding: String
    public var delimiter: String
    public var rowsRead: Int
    public var imported: Int
    public var duplicates: Int
    public var rejected: Int
    public var importedAt: Date
    /// Who ran the import.
    public var actor: String
    /// When `madang imports undo` removed the batch's items, if it did.
    public var undoneAt: Date?
}

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
