import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Draws the prompt and the line, wrapped at the terminal's width with wide characters
/// taking two columns, and puts the cursor where the line's cursor is. A line taller than
/// the terminal is shown as a window of rows around the cursor, so every redraw starts
/// from a row still on the screen.
struct Screen {
    let prompt: [Character]
    /// The row of the cursor within what was drawn last, counted from its first row.
    private var cursorRow = 0
    /// The first row of the line shown, for a line taller than the terminal.
    private var top = 0

    init(prompt: [Character]) {
        self.prompt = prompt
    }

    /// The bytes that erase what was drawn before and draw `line` anew.
    mutating func draw(_ line: LineBuffer, cursorAtEnd: Bool = false) -> String {
        let (columns, height) = Screen.size()
        let cursorIndex = prompt.count + (cursorAtEnd ? line.characters.count : line.cursor)
        let layout = Screen.layout(prompt + line.characters, width: columns, cursor: cursorIndex)
        let visible = max(1, height - 1)
        if layout.cursor.row < top { top = layout.cursor.row }
        if layout.cursor.row >= top + visible { top = layout.cursor.row - visible + 1 }
        top = max(0, min(top, layout.rows.count - visible))
        let bottom = min(layout.rows.count, top + visible)
        var out = cursorRow > 0 ? "\u{1B}[\(cursorRow)A" : ""
        out += "\r\u{1B}[J"
        out += layout.rows[top..<bottom].map { String($0) }.joined(separator: "\r\n")
        let up = bottom - 1 - layout.cursor.row
        if up > 0 { out += "\u{1B}[\(up)A" }
        out += "\r"
        if layout.cursor.column > 0 { out += "\u{1B}[\(layout.cursor.column)C" }
        cursorRow = layout.cursor.row - top
        return out
    }

    /// `characters` in rows of at most `width` columns, a line break starting a new row,
    /// and the row and column of the character at `cursor` (or of the end).
    static func layout(_ characters: [Character], width: Int, cursor: Int) -> (rows: [[Character]], cursor: (row: Int, column: Int)) {
        var rows: [[Character]] = [[]]
        var column = 0
        var at = (row: 0, column: 0)
        for (index, character) in characters.enumerated() {
            if character == "\n" {
                if index == cursor { at = (rows.count - 1, min(column, width - 1)) }
                rows.append([])
                column = 0
                continue
            }
            let cells = Screen.columns(character)
            if column + cells > width {
                rows.append([])
                column = 0
            }
            if index == cursor { at = (rows.count - 1, column) }
            rows[rows.count - 1].append(character)
            column += cells
        }
        if column >= width {
            rows.append([])
            column = 0
        }
        if cursor >= characters.count { at = (rows.count - 1, column) }
        return (rows, at)
    }

    /// How many terminal columns a character takes: two for Hangul, CJK and emoji, none
    /// for a combining mark, one otherwise.
    static func columns(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// The terminal's columns and rows; 80 by 24 when it does not say.
    private static func size() -> (columns: Int, rows: Int) {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return (80, 24) }
        return (max(10, Int(size.ws_col)), max(2, Int(size.ws_row)))
    }
}
