import MadangCore

/// An opinion sent by a member of the public through a hearing's web form.
public struct PublicComment: Hashable, Sendable {
    /// The opinion.
    public var text: String
    /// The name the sender gave, if any.
    public var name: String?
    public var email: String?
    public var phone: String?
    /// Whether the sender agreed to the collection and use of their contact details.
    public var consent: Bool

    public init(text: String, name: String? = nil, email: String? = nil, phone: String? = nil, consent: Bool = false) {
        self.text = text
        self.name = name
        self.email = email
        self.phone = phone
        self.consent = consent
    }

    /// The contact details as they may be kept: only with consent.
    func contact() throws -> Contact {
        let contact: Contact
        do { contact = try Contact(email: email, phone: phone).validated() } catch { throw StoreError.invalid(error) }
        if !contact.isEmpty, !consent { throw ServiceError.consentRequired }
        return contact
    }
}
