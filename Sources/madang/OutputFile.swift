import Foundation

/// Writes a document where `-o` says: standard output for `-`; through a link to what
/// it names; straight into a FIFO or a device (which an atomic replace would swap for a
/// regular file); else atomically, so a reader never sees half a file. A failed write
/// (a full disk) is an error, never a silent success.
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data`; a `personal` file (names, contact details) is readable by its owner alone.
    static func write(_ data: Data, to path: String, personal: Bool = false) throws {
        if path == "-" { return try Console.writeOut(data) }
        let target = resolved(URL(fileURLWithPath: path))
        let type = (try? FileManager.default.attributesOfItem(atPath: target.path))?[.type] as? FileAttributeType
        do {
            if let type, type != .typeRegular {
                guard type != .typeDirectory else { throw CLIError("\(path) is a folder; name a file in it.") }
                guard let handle = FileHandle(forWritingAtPath: target.path) else {
                    throw CLIError("Cannot write \(path): check that you may write there. Nothing was written.")
                }
                defer { try? handle.close() }
                try handle.write(contentsOf: data)
            } else {
                try data.write(to: target, options: .atomic)
                if personal { try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path) }
            }
        } catch let error as CLIError {
            throw error
        } catch {
            let folder = target.deletingLastPathComponent().path
            var reason = FileManager.default.fileExists(atPath: folder)
                ? (error as NSError).localizedFailureReason ?? error.localizedDescription
                : "there is no folder \(folder)"
            while reason.hasSuffix(".") { reason.removeLast() }
            throw CLIError("Cannot write \(path): \(reason). Nothing was written.")
        }
    }

    /// What `url` names after following its links, even a link to a file not made yet.
    private static func resolved(_ url: URL) -> URL {
        var current = url
        for _ in 0..<32 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current.path) else { break }
            current = destination.hasPrefix("/")
                ? URL(fileURLWithPath: destination)
                : current.deletingLastPathComponent().appendingPathComponent(destination)
        }
        return current.standardizedFileURL
    }
}
