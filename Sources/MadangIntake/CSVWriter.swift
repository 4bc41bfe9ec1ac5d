import MadangCore

/// Writes CSV the way spreadsheets read it back: every field quoted when it must
/// be, CRLF line ends, and cells that would start a formula (`=`, `+`, `-`, `@`,
/// tab, carriage return) defused with a leading apostrophe, since the text is
/// untrusted citizens' text.
public enum CSVWriter {
    /// One record as a line of CSV, ending in CRLF.
    public static func line(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { field(defused($0), delimiter: delimiter) }.joined(separator: String(delimiter)) + "\r\n"
    }

    /// `text` with a leading apostrophe if a spreadsheet would take it as a formula.
    public static func defused(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    private static func field(_ text: String, delimiter: Character) -> String {
        guard text.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
