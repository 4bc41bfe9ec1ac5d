import ArgumentParser
import Testing
@testable import madang

/// Every example in every command's --help is a whole command a person can copy.
@Suite("Help examples")
struct HelpTests {
    /// Every command and subcommand, the root first.
    static func commands(_ command: ParsableCommand.Type = Madang.self) -> [ParsableCommand.Type] {
        [command] + command.configuration.subcommands.flatMap { commands($0) }
    }

    /// The lines of `help` under "Examples:", up to the next section.
    static func exampleLines(_ help: String) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "Examples:" }) else { return [] }
        // The section ends at the next heading: USAGE:, ARGUMENTS:, OPTIONS:, …
        return lines[(start + 1)...].prefix { line in
            !(line.first?.isUppercase == true && line.prefix { $0 != ":" }.allSatisfy { $0.isUppercase || $0 == " " })
        }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    @Test("Every example line in 80 columns is one complete command that parses", arguments: commands().map { ObjectIdentifier($0) })
    func examplesParse(_ id: ObjectIdentifier) throws {
        let command = HelpTests.commands().first { ObjectIdentifier($0) == id }!
        let help = Madang.helpMessage(for: command, columns: 80)
        let examples = HelpTests.exampleLines(help)
        let name = command.configuration.commandName ?? "\(command)"
        if command.configuration.subcommands.isEmpty || command == Madang.self {
            #expect(!examples.isEmpty, "madang \(name) --help has no examples")
        }
        for line in examples {
            #expect(line.hasPrefix("  madang"), "a line of madang \(name) --help is not a command (wrapped?): '\(line)'")
            guard line.hasPrefix("  madang") else { continue }
            guard let words = try? HelpTests.shellWords(line) else {
                Issue.record("'\(line)' in madang \(name) --help has an unclosed quote")
                continue
            }
            // What a shell would do with a redirection is not the command's business.
            let arguments = Array(words.dropFirst().prefix { $0 != ">" && $0 != "<" })
            #expect(throws: Never.self, "'\(line)' does not parse") { _ = try Madang.parseAsRoot(arguments) }
        }
    }

    @Test("The splitter reads quotes as a shell does")
    func splitter() throws {
        #expect(try HelpTests.shellWords(#"madang a "b c" 'd "e"' f\ g"#) == ["madang", "a", "b c", #"d "e""#, "f g"])
        #expect(throws: HelpTests.Unbalanced.self) { try HelpTests.shellWords(#"madang "open"#) }
    }

    struct Unbalanced: Error {}

    /// Splits a command line into words as a POSIX shell does (quotes and backslashes).
    static func shellWords(_ line: String) throws -> [String] {
        var words: [String] = [], word = "", inWord = false
        var quote: Character?, escaped = false
        for character in line {
            if escaped {
                word.append(character)
                escaped = false
            } else if let open = quote {
                if character == open { quote = nil } else if character == "\\" && open == "\"" { escaped = true } else { word.append(character) }
            } else if character == "\\" {
                escaped = true
                inWord = true
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        guard quote == nil, !escaped else { throw Unbalanced() }
        if inWord { words.append(word) }
        return words
    }
}
