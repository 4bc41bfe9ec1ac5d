/// One key, as the editor understands it.
enum Key: Equatable {
    case text(Character)
    /// Text pasted between the terminal's bracketed-paste marks, line breaks and all.
    case paste(String)
    case enter, backspace, delete, left, right, wordLeft, wordRight, home, end, up, down
    case killToStart, killToEnd, interrupt, endOfInput
    /// A key with no meaning here (F1, Alt-x, …): ignored.
    case ignored
}
