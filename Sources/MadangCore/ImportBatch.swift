import Foundation

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

    public init(id: Int64, hearingID: Int64, kind: ItemKind, fileName: String, sha256: String, encoding: String, delimiter: String, rowsRead: Int, imported: Int, duplicates: Int, rejected: Int, importedAt: Date, actor: String, undoneAt: Date? = nil) {
        self.id = id
        self.hearingID = hearingID
        self.kind = kind
        self.fileName = fileName
        self.sha256 = sha256
        self.encoding = encoding
        self.delimiter = delimiter
        self.rowsRead = rowsRead
        self.imported = imported
        self.duplicates = duplicates
        self.rejected = rejected
        self.importedAt = importedAt
        self.actor = actor
        self.undoneAt = undoneAt
    }
}
