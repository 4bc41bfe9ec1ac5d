import Foundation

/// Runs the built `madang` executable the way a person at a shell would.
struct CLI: Sendable {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A fresh folder for this test, holding its database; removed by ``cleanUp()``.
    let folder: URL
    var database: String { folder.appendingPathComponent("madang.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("madang-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The executable SwiftPM built next to the test bundle.
    static var executable: URL {
        let products = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for candidate in [products, products.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("madang")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/madang")
    }

    /// Starts `madang arguments…` in the test folder with `MADANG_DB` set to its database.
    func start(_ arguments: [String], input: String? = nil, environment extra: [String: String] = [:]) throws -> (Process, URL, URL) {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["MADANG_DB"] = database
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let id = UUID().uuidString
        let out = folder.appendingPathComponent("\(id).out"), err = folder.appendingPathComponent("\(id).err")
        try Data().write(to: out)
        try Data().write(to: err)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        if let input {
            let file = folder.appendingPathComponent("\(id).in")
            try Data(input.utf8).write(to: file)
            process.standardInput = try FileHandle(forReadingFrom: file)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        return (process, out, err)
    }

    /// Waits until `file` holds `text` and returns true, or returns false once `process`
    /// has ended without writing it.
    static func waitFor(_ text: String, in file: URL, while process: Process) throws -> Bool {
        while true {
            let running = process.isRunning
            if try String(contentsOf: file, encoding: .utf8).contains(text) { return true }
            if !running { return false }
            usleep(10_000)
        }
    }

    static func finish(_ started: (Process, URL, URL)) throws -> Result {
        let (process, out, err) = started
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: try String(contentsOf: out, encoding: .utf8),
            stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// Runs `madang arguments…` to the end.
    @discardableResult
    func run(_ arguments: String..., input: String? = nil) throws -> Result {
        try CLI.finish(start(arguments, input: input))
    }

    /// Runs a command that must succeed and returns its standard output.
    @discardableResult
    func ok(_ arguments: String..., input: String? = nil) throws -> String {
        try ok(arguments, input: input)
    }

    @discardableResult
    func ok(_ arguments: [String], input: String? = nil) throws -> String {
        let result = try CLI.finish(start(arguments, input: input))
        guard result.status == 0 else {
            throw CLIFailure(arguments: arguments, result: result)
        }
        return result.stdout
    }

    /// Decodes a command's `--json` output.
    func json(_ arguments: String...) throws -> Any {
        try json(arguments)
    }

    func json(_ arguments: [String]) throws -> Any {
        let result = try CLI.finish(start(arguments))
        guard result.status == 0 else { throw CLIFailure(arguments: arguments, result: result) }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }
}

#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
private let systemWrite = Darwin.write
#endif

extension FileHandle {
    /// Everything until the end, read with read(2) and retried when a signal interrupts
    /// it (Foundation's readDataToEndOfFile stops the process on EINTR).
    func readAll() -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 { data.append(contentsOf: buffer[0..<count]) } else if count == 0 || errno != EINTR { return data }
        }
    }

    /// Writes all of `data` with write(2), retried when a signal interrupts it.
    func writeAll(_ data: Data) {
        let bytes = [UInt8](data)
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { systemWrite(fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 { offset += count } else if errno != EINTR { return }
        }
    }
}

struct CLIFailure: Error, CustomStringConvertible {
    var arguments: [String]
    var result: CLI.Result
    var description: String {
        "madang \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)\(result.stdout)"
    }
}
