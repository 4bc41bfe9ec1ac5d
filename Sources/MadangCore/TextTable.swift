/// An aligned plain-text table, for listings on a terminal.
///
/// Columns are measured in terminal cells, so Hangul and other wide characters
/// (two cells each) line up with Latin text.
///
/// ```swift
/// var table = TextTable(header: ["#", "Name"])
/// table.append(["1", "김갑성"])
/// print(table.rendered())
/// ```
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]] = []
    /// Cells longer than this many terminal cells are cut with "…".
    public var maximumCellWidth: Int

    public init(header: [String], maximumCellWidth: Int = 60) {
        self.header = header
        self.maximumCellWidth = maximumCellWidth
    }

    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table as lines of text, with two spaces between columns and no trailing
    /// space; the columns numbered in `rightAligned` (from 0) are aligned right.
    public func rendered(rightAligned: Set<Int> = []) -> String {
        let all = ([header] + rows).map { row in
            row.map { TextTable.truncate(TextTable.singleLine($0), to: maximumCellWidth) }
        }
        let columns = all.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in all {
            for (index, cell) in row.enumerated() {
                widths[index] = max(widths[index], TextTable.displayWidth(cell))
            }
        }
        return all.map { row in
            row.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - TextTable.displayWidth(cell))
                if rightAligned.contains(index) { return padding + cell }
                return index == row.count - 1 ? cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }

    /// How many terminal cells `text` takes: two for East Asian wide characters,
    /// none for combining marks, one for the rest.
    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v < 0x20 ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch v {
        case 0x1160...0x11FF: return 0 // Hangul medial and final jamo join the syllable before
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default: return 1
        }
    }

    /// Cuts `text` to at most `width` cells, ending with "…" when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = displayWidth(String(character))
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    private static func singleLine(_ text: String) -> String {
        Text.displayable(text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
