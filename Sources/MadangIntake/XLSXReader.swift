import Foundation
import MadangCore
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the first worksheet of an XLSX workbook as rows of text, as any spreadsheet
/// program writes it: shared strings, inline strings, numbers and booleans as their text,
/// empty cells as empty text. A formula gives its last computed value, or, when the file
/// holds none, the formula itself as text (`=…`), as the person typed it.
public enum XLSXReader {
    /// One row of the sheet: its number in the sheet (from 1) and its cells' text.
    public struct Row: Sendable {
        public var number: Int
        public var cells: [String]
    }

    /// The rows of the first worksheet, in order; rows with no cell are left out.
    ///
    /// - Throws: ``XLSXError`` when the bytes are not a workbook.
    public static func rows(of data: Data) throws(XLSXError) -> [Row] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw .notAWorkbook("not a ZIP archive") }
        func part(_ path: String) throws(XLSXError) -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize < 512 << 20 else { throw .notAWorkbook("\(path) is larger than 512 MB") }
            var bytes = Data()
            do { _ = try archive.extract(entry) { bytes.append($0) } } catch { throw .notAWorkbook("cannot read \(path)") }
            return bytes
        }
        guard let workbook = try part("xl/workbook.xml") else { throw .notAWorkbook("no xl/workbook.xml") }
        // The first sheet's part, through the workbook's relationships.
        var sheetPath = "xl/worksheets/sheet1.xml"
        let firstSheet = Attributes.first(element: "sheet", attribute: "r:id", in: workbook)
        if let id = firstSheet, let rels = try part("xl/_rels/workbook.xml.rels"),
           let target = Attributes.relationship(id: id, in: rels) {
            sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        guard let sheet = try part(sheetPath) else { throw .notAWorkbook("no worksheet at \(sheetPath)") }
        let shared = try part("xl/sharedStrings.xml").map(SharedStrings.read) ?? []
        let parser = SheetParser(shared: shared)
        let xml = XMLParser(data: sheet)
        xml.delegate = parser
        guard xml.parse() else { throw .notAWorkbook("the worksheet is not well-formed XML") }
        return parser.rows
    }

    /// The column index (from 0) of a cell reference such as `C12`.
    static func column(of reference: String) -> Int? {
        var column = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            column = column * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 ? nil : column - 1
    }

    /// Reads attributes of the workbook's small parts.
    private final class Attributes: NSObject, XMLParserDelegate {
        let element: String
        let attribute: String
        let match: [String: String]
        var found: String?

        init(element: String, attribute: String, match: [String: String] = [:]) {
            (self.element, self.attribute, self.match) = (element, attribute, match)
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            guard found == nil, name == element || name.hasSuffix(":" + element) else { return }
            guard match.allSatisfy({ attributes[$0.key] == $0.value }) else { return }
            found = attributes[attribute] ?? attributes.first { $0.key.hasSuffix(":id") && attribute.hasSuffix(":id") }?.value
        }

        static func first(element: String, attribute: String, in data: Data) -> String? {
            let delegate = Attributes(element: element, attribute: attribute)
            let parser = XMLParser(data: data)
            parser.delegate = delegate
            _ = parser.parse()
            return delegate.found
        }

        static func relationship(id: String, in data: Data) -> String? {
            let delegate = Attributes(element: "Relationship", attribute: "Target", match: ["Id": id])
            let parser = XMLParser(data: data)
            parser.delegate = delegate
            _ = parser.parse()
            return delegate.found
        }
    }

    /// The shared strings: each `si`'s text, its runs joined, phonetic runs left out.
    private final class SharedStrings: NSObject, XMLParserDelegate {
        var strings: [String] = []
        private var current = ""
        private var inText = false
        private var inPhonetic = false

        static func read(_ data: Data) -> [String] {
            let delegate = SharedStrings()
            let parser = XMLParser(data: data)
            parser.delegate = delegate
            _ = parser.parse()
            return delegate.strings
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "si": current = ""
            case "t": inText = !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "si": strings.append(current)
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }
    }

    /// The worksheet's rows: each cell's text by its type.
    private final class SheetParser: NSObject, XMLParserDelegate {
        let shared: [String]
        var rows: [Row] = []
        private var row: Row?
        private var column = 0
        private var type = ""
        private var value = ""
        private var formula = ""
        private var reading = false
        private var readingFormula = false

        init(shared: [String]) {
            self.shared = shared
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "row":
                let number = attributes["r"].flatMap(Int.init) ?? (rows.last?.number ?? 0) + 1
                row = Row(number: number, cells: [])
            case "c":
                column = attributes["r"].flatMap(XLSXReader.column(of:)) ?? (row?.cells.count ?? 0)
                type = attributes["t"] ?? "n"
                value = ""
                formula = ""
            case "v", "t":
                reading = true
            case "f":
                readingFormula = true
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if reading { value += string }
            if readingFormula { formula += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "v", "t":
                reading = false
            case "f":
                readingFormula = false
            case "c":
                guard var current = row, column < 16_384 else { return }
                let text: String = switch type {
                case _ where value.isEmpty && !formula.isEmpty: "=" + formula
                case "s": Int(value).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? ""
                case "b": value == "1" ? "TRUE" : "FALSE"
                default: value
                }
                while current.cells.count < column { current.cells.append("") }
                if current.cells.count == column { current.cells.append(text) } else { current.cells[column] = text }
                row = current
            case "row":
                if let row, !row.cells.isEmpty { rows.append(row) }
                row = nil
            default:
                break
            }
        }
    }
}

/// Why bytes cannot be read as an XLSX workbook.
public enum XLSXError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAWorkbook(String)

    public var description: String {
        switch self {
        case .notAWorkbook(let reason): "The file is not an XLSX workbook (\(reason))."
        }
    }
}
