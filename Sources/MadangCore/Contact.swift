/// An author's contact details, kept apart from the opinion text and never printed
/// in a public digest.
public struct Contact: Hashable, Codable, Sendable {
    public var email: String?
    public var phone: String?

    public init(email: String? = nil, phone: String? = nil) {
        self.email = email
        self.phone = phone
    }

    /// True when no detail is known.
    public var isEmpty: Bool { email == nil && phone == nil }

    /// Returns the contact with outer space trimmed and a plausible e-mail address.
    public func validated() throws(ValidationError) -> Contact {
        let email = Text.optional(email)
        if let email, !Contact.looksLikeEmail(email) { throw .invalidEmail(email) }
        return Contact(email: email, phone: Text.optional(phone))
    }

    private static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.contains(where: \.isWhitespace)
    }
}
