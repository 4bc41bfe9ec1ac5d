import ArgumentParser

/// "unknown command 'hearng'; did you mean 'hearing'?": a mistyped subcommand is named
/// as such, with the nearest real one, instead of ArgumentParser's "unexpected argument".
enum CommandSuggestion {
    /// The message for the first word of `arguments` that should name a subcommand of
    /// `root` and names none; nil when every such word does.
    static func problem(in arguments: [String], root: ParsableCommand.Type) -> String? {
        var command = root
        var path = [root.configuration.commandName ?? "madang"]
        for word in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, !word.hasPrefix("-") else { return nil }
            let names = subcommands.map { $0.configuration.commandName ?? "\($0)".lowercased() }
            guard let index = names.firstIndex(of: word) else {
                let list = names.joined(separator: ", ")
                guard let nearest = nearest(to: word, in: names) else {
                    return "unknown command '\(word)' for \(path.joined(separator: " ")). The commands are: \(list)."
                }
                return "unknown command '\(word)'; did you mean '\((path + [nearest]).joined(separator: " "))'? The commands are: \(list)."
            }
            command = subcommands[index]
            path.append(names[index])
        }
        return nil
    }

    /// The name closest to `word`: one it starts, or one within two edits of it.
    static func nearest(to word: String, in names: [String]) -> String? {
        if let prefixed = names.first(where: { $0.hasPrefix(word) || word.hasPrefix($0) }) { return prefixed }
        let scored = names.map { ($0, distance(word, $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// The Levenshtein distance between two words.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
