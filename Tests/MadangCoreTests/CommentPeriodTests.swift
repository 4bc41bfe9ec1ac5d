import Foundation
import MadangCore
import Testing

@Suite("A hearing's comment period, read in its time zone")
struct CommentPeriodTests {
    /// The moment `text` (ISO 8601 with its offset) names.
    func at(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }

    @Test("A closing date alone closes at the end of that day in Seoul; a time closes at that time")
    func closing() throws {
        var hearing = Hearing(slug: "h", title: "H", timeZone: "Asia/Seoul", commentsClose: try LocalDateTime(parsing: "2026-12-10"))
        #expect(CommentPeriod(of: hearing, at: try at("2026-12-10T23:59:00+09:00")).isOpen)
        #expect(CommentPeriod(of: hearing, at: try at("2026-12-11T00:00:00+09:00")) == .over(closed: hearing.commentsClose!))
        hearing.commentsClose = try LocalDateTime(parsing: "2026-12-10 18:00")
        #expect(CommentPeriod(of: hearing, at: try at("2026-12-10T08:59:59Z")).isOpen)
        #expect(!CommentPeriod(of: hearing, at: try at("2026-12-10T09:00:00Z")).isOpen)
    }

    @Test("Before the opening the form waits; with no dates it is open")
    func opening() throws {
        var hearing = Hearing(slug: "h", title: "H", timeZone: "Europe/London", commentsOpen: try LocalDateTime(parsing: "2026-07-01 09:00"))
        // British Summer Time: 09:00 in London is 08:00 UTC.
        #expect(CommentPeriod(of: hearing, at: try at("2026-07-01T07:59:00Z")) == .notYet(opens: hearing.commentsOpen!))
        #expect(CommentPeriod(of: hearing, at: try at("2026-07-01T08:00:00Z")) == .open(closes: nil))
        hearing.commentsOpen = nil
        #expect(CommentPeriod(of: hearing, at: Date.distantPast).isOpen)
    }

    @Test("A period that closes before it opens is refused")
    func reversed() throws {
        let hearing = Hearing(slug: "h", title: "H", commentsOpen: try LocalDateTime(parsing: "2026-02-01"),
                              commentsClose: try LocalDateTime(parsing: "2026-01-31"))
        #expect(throws: ValidationError.commentPeriodReversed(opens: "2026-02-01", closes: "2026-01-31")) { try hearing.validated() }
    }
}
