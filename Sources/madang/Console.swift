import Foundation

/// Printing helpers: JSON for scripts, standard error for problems, terminal checks.
enum Console {
    static func printJSON(_ value: some Encodable) throws {
        print(try json(value))
    }

    /// `value` as pretty-printed JSON with sorted keys and ISO 8601 dates.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// `text` as one shell word: as it is when that is safe, else in single quotes.
    static func shellQuoted(_ text: String) -> String {
        let safe = !text.isEmpty && text.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_./:=@+,".unicodeScalars.contains($0)
        }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// Writes `data` to standard output, failing when it cannot be written (a full disk).
    static func writeOut(_ data: Data) throws {
        do {
            try FileHandle.standardOutput.write(contentsOf: data)
        } catch {
            throw CLIError("Cannot write to standard output: \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
        }
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// True when standard input comes from a person at a terminal.
    static var inputIsTerminal: Bool { isatty(STDIN_FILENO) != 0 }

    /// True when standard output goes to a terminal that may show colour.
    static var outputIsColourTerminal: Bool {
        isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}

/// An error the CLI itself finds, printed as it is.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
