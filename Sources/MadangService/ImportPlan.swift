/// How a file will be read, settled before any row is stored: its encoding and
/// delimiter (found or given), and which column feeds which field.
public struct ImportPlan: Sendable {
    /// A column of the file.
    public struct Column: Hashable, Sendable {
        /// Its place, from 1.
        public var number: Int
        public var header: String
    }

    /// A column and the field it fills, such as `body`.
    public struct Mapping: Hashable, Sendable {
        public var column: Column
        public var field: String
    }

    /// The file's path, or the upload's name.
    public var path: String
    /// Its size in bytes.
    public var size: Int
    /// Such as `utf-8` or `cp949`.
    public var encoding: String
    public var encodingDetected: Bool
    /// `comma`, `semicolon`, `tab`, or the character.
    public var delimiter: String
    public var delimiterDetected: Bool
    /// How the dates whose year comes last are read, and what decided it; nil when there are none.
    public var dateOrder: String?
    /// The mapped columns in file order.
    public var mapped: [Mapping]
    /// The columns no field reads.
    public var ignored: [Column]
}
