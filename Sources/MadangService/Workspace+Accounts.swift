import Foundation
import HummingbirdBcrypt
import MadangCore
import MadangStore

extension Workspace {
    /// The fewest characters an organizer's password may have.
    public static let minimumPasswordLength = 10

    /// How long a session lasts from sign-in.
    public static let sessionLength: TimeInterval = 12 * 3600

    /// Adds an organizer's account, or sets a new password for the account of that name
    /// (which signs it out everywhere). The password is kept only as a bcrypt hash.
    /// Returns true when the account is new.
    @discardableResult
    public func setPassword(account name: String, password: String) async throws -> Bool {
        guard password.count >= Workspace.minimumPasswordLength else {
            throw StoreError.invalid(.shortPassword(minimum: Workspace.minimumPasswordLength))
        }
        return try await run { store in try store.setAccount(name: name, passwordHash: Bcrypt.hash(password, cost: 12)) }
    }

    /// The organizers' account names.
    public func accounts() async throws -> [String] {
        try await run { store in try store.accountNames() }
    }

    /// Signs an organizer in and starts a session for their browser.
    ///
    /// - Throws: ``ServiceError/signInRefused`` when the name or the password is wrong; an
    ///   unknown name costs the same time as a wrong password, so it tells nothing.
    public func signIn(account name: String, password: String) async throws -> OrganizerSession {
        try await run { store in
            let hash = try store.passwordHash(account: name)
            guard Bcrypt.verify(password, hash: hash ?? Workspace.decoyHash), hash != nil else {
                throw ServiceError.signInRefused
            }
            let session = OrganizerSession(
                token: Workspace.secret(), name: name, csrf: Workspace.secret(),
                expiresAt: Date().addingTimeInterval(Workspace.sessionLength))
            try store.addSession(session)
            return session
        }
    }

    /// The session whose secret is `token`, unless it has ended or never was.
    public func session(token: String) async throws -> OrganizerSession? {
        try await run { store in try store.session(token: token) }
    }

    /// Ends a session.
    public func signOut(token: String) async throws {
        try await run { store in try store.deleteSession(token: token) }
    }

    /// 32 random bytes from the system's generator, as 64 hexadecimal digits: a session's
    /// secret, or a form's token.
    public static func secret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// A hash of no one's password, checked against when the name is unknown.
    private static let decoyHash = Bcrypt.hash(secret(), cost: 12)
}
