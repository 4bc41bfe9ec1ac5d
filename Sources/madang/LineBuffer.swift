/// The line being typed and what each key does to it; no terminal involved.
struct LineBuffer {
    enum Outcome: Equatable {
        case editing
        case accepted(String)
        case ended
    }

    private(set) var characters: [Character] = []
    private(set) var cursor = 0
    private let history: [String]
    /// Where Up and Down are in `history`; `history.count` is the line being typed.
    private var place: Int
    private var typed: [Character] = []

    init(history: [String] = []) {
        self.history = history
        place = history.count
    }

    mutating func apply(_ key: Key) -> Outcome {
        switch key {
        case .text(let character):
            insert([character])
        case .paste(let text):
            insert(Array(text))
        case .enter:
            return .accepted(String(characters))
        case .backspace:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .endOfInput:
            if characters.isEmpty { return .ended }
            if cursor < characters.count { characters.remove(at: cursor) }
        case .interrupt:
            return .ended
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .wordLeft:
            while cursor > 0 && characters[cursor - 1].isWhitespace { cursor -= 1 }
            while cursor > 0 && !characters[cursor - 1].isWhitespace { cursor -= 1 }
        case .wordRight:
            while cursor < characters.count && characters[cursor].isWhitespace { cursor += 1 }
            while cursor < characters.count && !characters[cursor].isWhitespace { cursor += 1 }
        case .killToStart:
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .killToEnd:
            characters.removeSubrange(cursor...)
        case .up:
            if place > 0 { recall(place - 1) }
        case .down:
            if place < history.count { recall(place + 1) }
        case .ignored:
            break
        }
        return .editing
    }

    private mutating func insert(_ new: [Character]) {
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
    }

    private mutating func recall(_ index: Int) {
        if place == history.count { typed = characters }
        place = index
        characters = index == history.count ? typed : Array(history[index])
        cursor = characters.count
    }
}
