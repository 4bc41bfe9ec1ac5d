import MadangCore

/// Wraps plain text for a terminal or an e-mail: each line longer than the width is
/// broken at spaces (or, in a run with no space, between characters), measured in
/// terminal cells so Hangul counts double; continuation lines are indented to where
/// the line's text starts after its indentation and list marker (`- `, `* `, `12. `,
/// `> `), so wrapped list items stay readable.
public enum TextWrapping {
    public static let defaultWidth = 78

    public static func wrap(_ text: String, width: Int = defaultWidth) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(String($0), width: width) }
            .joined(separator: "\n")
    }

    static func wrapLine(_ line: String, width: Int) -> String {
        guard TextTable.displayWidth(line) > width else { return line }
        let indent = min(hangingIndent(line), width / 2)
        let hang = String(repeating: " ", count: indent)
        let leading = line.prefix(while: { $0 == " " })
        var lines: [String] = []
        var current = String(leading)
        var used = leading.count
        var lineStart = used
        var lineHasWord = false
        for word in line.dropFirst(leading.count).split(separator: " ") {
            let w = TextTable.displayWidth(String(word))
            if lineHasWord && used + 1 + w > width {
                lines.append(current)
                (current, used, lineStart, lineHasWord) = (hang, indent, indent, false)
            }
            if lineHasWord {
                current += " "
                used += 1
            }
            if used + w <= width {
                current += word
                used += w
            } else {
                // A word wider than the line is cut between characters.
                for character in word {
                    let cw = TextTable.displayWidth(String(character))
                    if used + cw > width && used > lineStart {
                        lines.append(current)
                        (current, used, lineStart) = (hang, indent, indent)
                    }
                    current.append(character)
                    used += cw
                }
            }
            lineHasWord = true
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// How far continuation lines are indented: past leading spaces and a list marker.
    static func hangingIndent(_ line: String) -> Int {
        let characters = Array(line)
        var index = 0
        while index < characters.count && characters[index] == " " { index += 1 }
        let start = index
        if index + 1 < characters.count, "-*>•".contains(characters[index]), characters[index + 1] == " " {
            return index + 2
        }
        while index < characters.count && characters[index].isASCII && characters[index].isNumber { index += 1 }
        if index > start, index + 1 < characters.count, ".)".contains(characters[index]), characters[index + 1] == " " {
            return index + 2
        }
        return start
    }
}
