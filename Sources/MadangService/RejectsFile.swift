import Foundation

/// Where an import's rejected rows wait until the import is kept. The scratch file is
/// made readable by its owner alone (rows carry names and contacts), beside the
/// destination when that folder takes it, else in the temporary folder, and is unlinked
/// at once: nothing of it is left behind, whatever way the process ends. Once the batch
/// is committed, ``publish()`` copies it to the destination.
final class RejectsFile {
    /// The open, nameless scratch file.
    let handle: FileHandle
    /// Where the rows go once the import is kept.
    let destination: String

    /// Makes the scratch file for `destination`.
    ///
    /// - Throws: ``ServiceError/rejectsUnwritable(path:reason:)`` when neither folder takes it;
    ///   nothing has been read or stored then.
    init(destination: String) throws {
        self.destination = destination
        let folders = [URL(fileURLWithPath: destination).deletingLastPathComponent(), FileManager.default.temporaryDirectory]
        var reason = "no folder to write in"
        for folder in folders {
            let scratch = folder.appendingPathComponent(".madang-rejects-\(UUID().uuidString).partial")
            guard FileManager.default.createFile(atPath: scratch.path, contents: nil, attributes: [.posixPermissions: 0o600]),
                  let handle = FileHandle(forUpdatingAtPath: scratch.path)
            else {
                reason = "cannot create a file in \(folder.path)"
                continue
            }
            try? FileManager.default.removeItem(at: scratch)
            self.handle = handle
            return
        }
        throw ServiceError.rejectsUnwritable(path: destination, reason: reason)
    }

    deinit {
        try? handle.close()
    }

    /// Copies the rejected rows to the destination, replacing it whole (through a file
    /// beside it, renamed into place); the destination is readable by its owner alone.
    func publish() throws {
        let target = URL(fileURLWithPath: destination)
        let partial = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).partial")
        do {
            guard FileManager.default.createFile(atPath: partial.path, contents: nil, attributes: [.posixPermissions: 0o600]),
                  let output = FileHandle(forWritingAtPath: partial.path)
            else { throw CocoaError(.fileWriteNoPermission) }
            defer { try? output.close() }
            try handle.seek(toOffset: 0)
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                try output.write(contentsOf: chunk)
            }
            try output.synchronize()
            // rename(2) replaces the destination whole, or leaves it as it was.
            guard rename(partial.path, target.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedFailureReasonErrorKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw ServiceError.rejectsUnwritable(path: destination, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
    }
}
