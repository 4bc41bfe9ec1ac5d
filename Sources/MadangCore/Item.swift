import Foundation

/// One opinion: a panelist's statement, a citizen's comment, or a group's proposal.
///
/// The fields that apply depend on ``kind``; ``validated()`` checks them. Use the
/// factory functions to make a new item of a given kind:
///
/// ```swift
/// let remark = Item.statement(hearingID: 1, speakerID: 3, body: "Data hubs need standards.")
/// let comment = Item.comment(hearingID: 1, body: "버스 노선이 부족합니다", author: "Lee")
/// ```
public struct Item: Hashable, Codable, Sendable {
    public var id: Int64?
    public var hearingID: Int64
    public var kind: ItemKind
    /// A proposal's title, or a comment's subject line.
    public var title: String?
    /// The opinion itself.
    public var body: String
    /// For a statement: the participant who said it.
    public var speakerID: Int64?
    /// For a statement: the speaker's name, filled in when read from the store.
    public var speaker: String?
    /// For a statement: its place in the hearing's speaking order, assigned by the store.
    public var speakingOrder: Int?
    /// For a comment or proposal: the author's name as given.
    public var author: String?
    /// The author's contact details, kept out of the text.
    public var contact: Contact
    /// For a proposal: the group that made it.
    public var group: String?
    /// For a proposal: how many people support it.
    public var supporters: Int?
    /// For a comment: how it reached the hearing.
    public var channel: Channel?
    public var provenance: Provenance
    /// The id the item had where it came from, as an import mapped it (a regulations.gov
    /// Document ID, a Decidim proposal id), so it can be traced back.
    public var externalID: String?
    /// When the opinion was received.
    public var receivedAt: Date
    /// Set when the item was taken off the record; nil for an item in force.
    public var withdrawal: Withdrawal?

    public init(
        id: Int64? = nil, hearingID: Int64, kind: ItemKind, title: String? = nil, body: String,
        speakerID: Int64? = nil, speaker: String? = nil, speakingOrder: Int? = nil,
        author: String? = nil, contact: Contact = Contact(), group: String? = nil,
        supporters: Int? = nil, channel: Channel? = nil, provenance: Provenance = .typed,
        externalID: String? = nil, receivedAt: Date = Date(), withdrawal: Withdrawal? = nil
    ) {
        self.id = id
        self.hearingID = hearingID
        self.kind = kind
        self.title = title
        self.body = body
        self.speakerID = speakerID
        self.speaker = speaker
        self.speakingOrder = speakingOrder
        self.author = author
        self.contact = contact
        self.group = group
        self.supporters = supporters
        self.channel = channel
        self.provenance = provenance
        self.externalID = externalID
        self.receivedAt = receivedAt
        self.withdrawal = withdrawal
    }

    /// A remark made by participant `speakerID` during the panel.
    public static func statement(
        hearingID: Int64, speakerID: Int64, body: String,
        provenance: Provenance = .typed, receivedAt: Date = Date()
    ) -> Item {
        Item(hearingID: hearingID, kind: .statement, body: body, speakerID: speakerID,
             provenance: provenance, receivedAt: receivedAt)
    }

    /// An opinion from a member of the public.
    public static func comment(
        hearingID: Int64, body: String, title: String? = nil, author: String? = nil,
        contact: Contact = Contact(), channel: Channel? = nil,
        provenance: Provenance = .typed, receivedAt: Date = Date()
    ) -> Item {
        Item(hearingID: hearingID, kind: .comment, title: title, body: body, author: author,
             contact: contact, channel: channel, provenance: provenance, receivedAt: receivedAt)
    }

    /// A proposal from `group`.
    public static func proposal(
        hearingID: Int64, group: String?, title: String, body: String, supporters: Int? = nil,
        author: String? = nil, contact: Contact = Contact(),
        provenance: Provenance = .typed, receivedAt: Date = Date()
    ) -> Item {
        Item(hearingID: hearingID, kind: .proposal, title: title, body: body, author: author,
             contact: contact, group: group, supporters: supporters,
             provenance: provenance, receivedAt: receivedAt)
    }

    /// What the categorizer reads: the title, if any, and the body. Inlinable, so a caller
    /// that only reads the list can keep it off the heap.
    @inlinable public var textParts: [String] {
        if let title { [title, body] } else { [body] }
    }

    /// ``textParts`` as one text, a line break between them.
    public var text: String {
        textParts.joined(separator: "\n")
    }

    /// Checks that the fields fit the kind and returns the item with its text normalized.
    public func validated() throws(ValidationError) -> Item {
        var copy = self
        copy.body = try Text.required(body, field: "text of the \(kind.rawValue)")
        copy.title = Text.optional(title)
        copy.author = Text.optional(author)
        copy.group = Text.optional(group)
        copy.externalID = Text.optional(externalID)
        copy.contact = try contact.validated()
        if let supporters, supporters < 0 { throw .negative(field: "number of supporters", value: supporters) }
        switch kind {
        case .statement:
            if speakerID == nil { throw .missing(field: "speaker", kind: kind) }
            if copy.title != nil { throw .notAllowed(field: "title", kind: kind) }
            if copy.author != nil || !copy.contact.isEmpty { throw .notAllowed(field: "author", kind: kind) }
            if copy.group != nil { throw .notAllowed(field: "group", kind: kind) }
            if supporters != nil { throw .notAllowed(field: "supporters", kind: kind) }
            if channel != nil { throw .notAllowed(field: "channel", kind: kind) }
        case .comment:
            if speakerID != nil { throw .notAllowed(field: "speaker", kind: kind) }
            if copy.group != nil { throw .notAllowed(field: "group", kind: kind) }
            if supporters != nil { throw .notAllowed(field: "supporters", kind: kind) }
        case .proposal:
            if speakerID != nil { throw .notAllowed(field: "speaker", kind: kind) }
            if copy.title == nil { throw .missing(field: "title", kind: kind) }
            if channel != nil { throw .notAllowed(field: "channel", kind: kind) }
        }
        return copy
    }
}
