import Foundation
import MadangCore

/// The rows of a spreadsheet a person edited and saved: an XLSX workbook's first sheet,
/// or a CSV file (comma-separated, its encoding detected: UTF-8 with or without a BOM,
/// UTF-16, or CP949 as Korean Excel saves it).
public enum SpreadsheetRows {
    /// Each row's number in the file (a sheet's row, or a CSV record's first line) and its cells.
    public static func read(_ bytes: [UInt8]) throws -> [XLSXReader.Row] {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try XLSXReader.rows(of: Data(bytes)) }
        let (encoding, bom) = TextEncoding.detect(Array(bytes.prefix(64 << 10)))
        let decoder = try InputDecoder(encoding: encoding, startOffset: bom)
        var text: [UInt8] = []
        try bytes.dropFirst(bom).withUnsafeBufferPointer { try decoder.decode($0, isFinal: true, into: &text) }
        var reader = CSVReader(dialect: CSVDialect(strict: true))
        var rows: [XLSXReader.Row] = []
        let add = { (record: CSVRecord) in rows.append(XLSXReader.Row(number: record.line, cells: record.fields)) }
        text.withUnsafeBufferPointer { reader.consume($0, add) }
        try reader.finish(add)
        return rows
    }
}
