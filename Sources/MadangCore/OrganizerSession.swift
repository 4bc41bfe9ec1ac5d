import Foundation

/// An organizer signed in to `madang serve`: the secret their browser holds, whose it is,
/// and the token every form they send must carry (CSRF).
public struct OrganizerSession: Hashable, Sendable {
    /// The secret kept in the browser's cookie.
    public var token: String
    /// The account's name, as the audit log records it.
    public var name: String
    /// The token each state-changing request must repeat.
    public var csrf: String
    /// When the session ends unless renewed.
    public var expiresAt: Date

    public init(token: String, name: String, csrf: String, expiresAt: Date) {
        self.token = token
        self.name = name
        self.csrf = csrf
        self.expiresAt = expiresAt
    }

    /// Checks an account name: 1 to 64 letters, digits, dots, hyphens, underscores or @.
    public static func validName(_ name: String) throws(ValidationError) -> String {
        let allowed = name.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_@".unicodeScalars.contains($0))
        }
        guard (1...64).contains(name.count), allowed else { throw .invalidAccountName(name) }
        return name
    }
}
