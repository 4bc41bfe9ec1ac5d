import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a folder, held across processes while a database in it is
/// opened and migrated. The folder, not the database file, is locked: closing any
/// descriptor of the database file would drop the locks SQLite holds on it.
struct FolderLock {
    private let descriptor: Int32

    /// Waits for the lock; without a readable folder it holds none (the open then fails on its own).
    init(folder: String) {
        descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY)
        if descriptor >= 0 { _ = flock(descriptor, LOCK_EX) }
    }

    func release() {
        guard descriptor >= 0 else { return }
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
