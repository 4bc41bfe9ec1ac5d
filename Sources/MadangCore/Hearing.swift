import Foundation

/// A participation event: a public hearing, council meeting, briefing, seminar,
/// or a citizen participation group's round of proposals.
public struct Hearing: Hashable, Codable, Sendable {
    /// The database row id; `nil` until the hearing is stored.
    public var id: Int64?
    /// The short name users type, such as `smart-city-plan-4`.
    public var slug: String
    public var title: String
    public var kind: HearingKind
    public var startsAt: LocalDateTime?
    public var venue: String?
    /// The organizing bodies, in the order they are credited.
    public var organizers: [String]
    /// The plan or draft under discussion.
    public var plan: String?
    public var attendanceInPerson: Int?
    public var attendanceOnline: Int?
    /// The language of its documents, unless a command asks for another; nil for the
    /// environment's.
    public var language: DocumentLanguage?
    /// Where it is held, as an IANA time zone (`Asia/Seoul`): documents give times there.
    /// Nil for the machine's own zone.
    public var timeZone: String?
    /// When the public may start sending opinions through the web form, in the hearing's
    /// time zone; nil for no start.
    public var commentsOpen: LocalDateTime?
    /// When the web form closes, in the hearing's time zone; nil for no end. A date alone
    /// closes it at the end of that day.
    public var commentsClose: LocalDateTime?

    public init(
        id: Int64? = nil, slug: String, title: String, kind: HearingKind = .publicHearing,
        startsAt: LocalDateTime? = nil, venue: String? = nil, organizers: [String] = [],
        plan: String? = nil, attendanceInPerson: Int? = nil, attendanceOnline: Int? = nil,
        language: DocumentLanguage? = nil, timeZone: String? = nil, commentsOpen: LocalDateTime? = nil,
        commentsClose: LocalDateTime? = nil
    ) {
        self.id = id
        self.slug = slug
        self.title = title
        self.kind = kind
        self.startsAt = startsAt
        self.venue = venue
        self.organizers = organizers
        self.plan = plan
        self.attendanceInPerson = attendanceInPerson
        self.attendanceOnline = attendanceOnline
        self.language = language
        self.timeZone = timeZone
        self.commentsOpen = commentsOpen
        self.commentsClose = commentsClose
    }

    /// Checks the fields a user typed and returns the hearing with its text normalized.
    public func validated() throws(ValidationError) -> Hearing {
        var copy = self
        copy.slug = try Hearing.validSlug(slug)
        copy.title = try Text.required(title, field: "title")
        copy.venue = Text.optional(venue)
        copy.plan = Text.optional(plan)
        copy.organizers = organizers.compactMap { Text.optional($0) }
        copy.timeZone = Text.optional(timeZone)
        if let zone = copy.timeZone, TimeZone(identifier: zone) == nil { throw .unknownTimeZone(zone) }
        if let open = commentsOpen, let close = commentsClose, close < open {
            throw .commentPeriodReversed(opens: open.description, closes: close.description)
        }
        for (field, value) in [("in-person attendance", attendanceInPerson), ("online attendance", attendanceOnline)] {
            if let value, value < 0 { throw .negative(field: field, value: value) }
        }
        return copy
    }

    /// Checks that `slug` is 1 to 64 lowercase ASCII letters, digits and inner hyphens.
    public static func validSlug(_ slug: String) throws(ValidationError) -> String {
        let allowed = slug.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
        guard (1...64).contains(slug.utf8.count), allowed, slug.first != "-", slug.last != "-" else {
            throw .invalidSlug(slug)
        }
        return slug
    }
}
