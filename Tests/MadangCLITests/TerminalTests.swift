import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `madang record` in a real terminal: a pseudo-terminal, as a person's terminal emulator
/// gives one, with the bytes its keys and pastes send.
@Suite("Live entry in a terminal")
struct TerminalTests {
    /// A pseudo-terminal whose far end is `madang record`'s standard input and output;
    /// everything the program writes is read (and kept) as it comes, so it never blocks.
    final class Terminal: @unchecked Sendable {
        let master: Int32
        let process = Process()
        private let lock = NSLock()
        private var output = Data()

        init(_ cli: CLI, _ arguments: [String]) throws {
            guard let (master, name) = Terminal.open() else { throw CLIError("no pseudo-terminal") }
            self.master = master
            let slave = FileHandle(forUpdatingAtPath: name)!
            process.executableURL = CLI.executable
            process.arguments = arguments
            var environment = ProcessInfo.processInfo.environment
            environment["MADANG_DB"] = cli.database
            environment["TERM"] = "xterm"
            process.environment = environment
            process.standardInput = slave
            process.standardOutput = slave
            process.standardError = slave
            Thread { [self] in drain() }.start()
            try process.run()
            try slave.close()
        }

        private func drain() {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                if count > 0 {
                    lock.withLock { output.append(contentsOf: buffer[0..<count]) }
                } else if count == 0 || errno != EINTR {
                    return
                }
            }
        }

        /// A new pseudo-terminal's controlling side and the path of its far end, through
        /// the C library's posix_openpt, grantpt, unlockpt and ptsname (which Swift's
        /// Glibc module leaves out).
        private static func open() -> (Int32, String)? {
            typealias Open = @convention(c) (Int32) -> Int32
            typealias Step = @convention(c) (Int32) -> Int32
            typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
            let library = dlopen(nil, RTLD_NOW)
            guard let openSymbol = dlsym(library, "posix_openpt"), let grantSymbol = dlsym(library, "grantpt"),
                  let unlockSymbol = dlsym(library, "unlockpt"), let nameSymbol = dlsym(library, "ptsname")
            else { return nil }
            let master = unsafeBitCast(openSymbol, to: Open.self)(O_RDWR | O_NOCTTY)
            guard master >= 0, unsafeBitCast(grantSymbol, to: Step.self)(master) == 0,
                  unsafeBitCast(unlockSymbol, to: Step.self)(master) == 0,
                  let name = unsafeBitCast(nameSymbol, to: Name.self)(master)
            else { return nil }
            return (master, String(cString: name))
        }

        var text: String { lock.withLock { String(decoding: output, as: UTF8.self) } }

        /// Sends what keys would, then waits until the program has written `expected`:
        /// a condition, not a pause. False if the program ends first, or after 30 seconds
        /// without it (a safeguard against a hang, far beyond any honest wait).
        func type(_ bytes: String, until expected: String) -> Bool {
            let deadline = Date().addingTimeInterval(30)
            let before = lock.withLock { output.count }
            var data = Array(bytes.utf8)
            while !data.isEmpty {
                let written = data.withUnsafeMutableBytes { write(master, $0.baseAddress, $0.count) }
                if written > 0 { data.removeFirst(written) } else if errno != EINTR { return false }
            }
            while true {
                let grown = lock.withLock { String(decoding: output.dropFirst(before), as: UTF8.self) }
                if grown.contains(expected) { return true }
                if !process.isRunning || Date() > deadline { return false }
                usleep(10_000)
            }
        }

        func close() {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            Glibc.close(master)
        }
    }

    struct CLIError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    @Test("A long pasted Korean text of several lines is one remark, whole; keys edit it and never reach the record")
    func pasteAndKeys() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok("init")
        try cli.ok("hearing", "add", "plan-4", "--title", "Plan")
        try cli.ok("panel", "add", "plan-4", "김철수", "--role", "chair")
        let words = ["데이터허브", "표준화가", "시민의", "참여를", "넓히고", "교통", "예산을"]
        var paragraph = ""
        var index = 0
        while paragraph.count < 5_605 {
            paragraph += (paragraph.isEmpty ? "" : index % 97 == 0 ? "\n" : " ") + words[index % words.count]
            index += 1
        }
        let terminal = try Terminal(cli, ["record", "plan-4"])
        defer { terminal.close() }
        try #require(terminal.type("", until: "› "), "\(terminal.text)")
        try #require(terminal.type("/1\r", until: "now speaking"))
        // Bracketed paste, then ← ← to step back over "끝.", Home, Delete, End, and Enter.
        let paste = "\u{1B}[200~" + paragraph + "\u{1B}[201~"
        try #require(terminal.type(paste + " 끝." + "\u{1B}[D\u{1B}[D" + "맺음 " + "\u{1B}[H" + "\u{1B}[3~" + "\u{1B}[F" + "\r",
                              until: "saved #1"), "\(terminal.text.suffix(300))")
        // A line typed with a typo, Backspace, and Ctrl-C to finish: the summary still comes.
        try #require(terminal.type("둘째 줄x\u{7F}\r", until: "saved #2"))
        try #require(terminal.type("\u{03}", until: "Recorded 2 statements"))
        terminal.process.waitUntilExit()
        #expect(terminal.process.terminationStatus == 0)

        let items = try #require(try cli.json("items", "plan-4", "--json") as? [[String: Any]])
        let bodies = items.compactMap { $0["body"] as? String }
        let expected = String(paragraph.dropFirst()) + " 맺음 끝."
        #expect(bodies.count == 2)
        #expect(bodies.first == expected, "stored \(bodies.first?.count ?? 0) characters, expected \(expected.count)")
        #expect(bodies.first?.contains("\n") == true, "the paste's line breaks are kept")
        #expect(bodies.last == "둘째 줄")
        #expect(!bodies.joined().contains("\u{1B}"))
    }

    @Test("↑ brings back an earlier line to edit; Ctrl-D on an empty line finishes")
    func history() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok("init")
        try cli.ok("hearing", "add", "plan-4", "--title", "Plan")
        try cli.ok("panel", "add", "plan-4", "Kim", "--role", "chair")
        let terminal = try Terminal(cli, ["record", "plan-4"])
        defer { terminal.close() }
        try #require(terminal.type("1: first remark\r", until: "saved #1"))
        try #require(terminal.type("\u{1B}[A\u{1B}[1;5D\u{1B}[1;5DThe \r", until: "saved #2"))
        try #require(terminal.type("\u{04}", until: "Recorded 2 statements"))
        let items = try #require(try cli.json("items", "plan-4", "--json") as? [[String: Any]])
        #expect(items.compactMap { $0["body"] as? String } == ["first remark", "The first remark"])
    }
}
