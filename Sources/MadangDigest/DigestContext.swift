import MadangCore
import Foundation

/// Everything a digest template receives, as plain values with names a template
/// author can read (`madang digest HEARING --context` prints it as JSON; README
/// lists every field).
///
/// Citizens' text is already masked (see ``Redaction``) and citizens appear as
/// "Citizen N" unless the digest was asked for initials or names; their contact
/// details never reach a template. Escaping is the template's business: the HTML
/// templates escape by default, the Markdown ones use the `MARKDOWN` content type.
public struct DigestContext: Codable, Sendable {
    public struct HearingFacts: Codable, Sendable {
        public var slug: String
        public var title: String
        /// "public hearing", "seminar", … in the digest's language (공청회, 세미나, …).
        public var kind: String
        /// `public-hearing`, `seminar`, …: the raw value beside ``kind``.
        public var kindCode: String
        /// When it took place, as the digest's language writes it (`2024년 1월 5일(금) 오후 2시`,
        /// `Friday 5 January 2024, 2 pm`), when known.
        public var when: String?
        /// `2024-01-05 14:00`: the raw value beside ``when``.
        public var startsAt: String?
        public var venue: String?
        /// The organizers joined with commas, when there are any.
        public var organizers: String?
        public var plan: String?
        public var attendanceInPerson: Int?
        public var attendanceOnline: Int?
        /// In person and online together, when either is known.
        public var attendanceTotal: Int?
        /// True when either attendance figure is known.
        public var hasAttendance: Bool
        /// The attendance in words: "400 in person, 1,200 online", "현장 400명, 온라인 1,200명".
        public var attendance: String?
    }

    public struct Speaker: Codable, Sendable {
        public var position: Int
        public var name: String
        public var affiliation: String?
        /// `chair`, `panelist`, `presenter` or `official`.
        public var role: String
        /// The role in the digest's language (좌장, 토론자, …).
        public var roleLabel: String
        public var isChair: Bool
        /// What this participant said, in speaking order.
        public var statements: [Statement]
        public var hasStatements: Bool
    }

    public struct Statement: Codable, Sendable {
        /// The place in the hearing's speaking order.
        public var order: Int
        public var speaker: String
        public var affiliation: String?
        public var text: String
        /// The names of the goals it is filed under, joined with commas; empty if none.
        public var goals: String
    }

    /// A sentence quoted from a citizen's opinion.
    public struct Quote: Codable, Sendable {
        public var text: String
        /// "Citizen 12", initials, or the name (see ``DigestContext/citizens``).
        public var citizen: String
        /// `comment` or `proposal`.
        public var kind: String
    }

    public struct Proposal: Codable, Sendable {
        /// 1 for the most supported.
        public var rank: Int
        public var title: String
        public var group: String
        public var supporters: Int?
        public var text: String
    }

    /// How many items of each kind.
    public struct Counts: Codable, Sendable {
        public var statements: Int
        public var comments: Int
        public var proposals: Int
        /// Comments and proposals: what the public said.
        public var publicOpinions: Int
        /// Public opinions with each campaign counted once.
        public var distinctOpinions: Int
        /// How many campaigns the public opinions hold.
        public var campaigns: Int
        public var total: Int
        /// "8 panel statements, 7 comments, 1 proposal".
        public var summary: String
    }

    /// One goal (or strategy) of the plan with what was said under it; also used for
    /// the opinions filed under no goal (``DigestContext/otherOpinions``).
    public struct Goal: Codable, Sendable {
        /// The taxonomy's id, such as `G1`; absent for other opinions.
        public var code: String?
        public var name: String
        public var description: String?
        /// True for a strategy under a goal; ``parent`` names the goal.
        public var isStrategy: Bool
        public var parent: String?
        public var counts: Counts
        /// This goal's public opinions as a share of all public opinions, as `28.7%`.
        /// An opinion can be filed under several goals, so shares can add up to more than 100%.
        public var share: String
        /// "4 public opinions (57.1%): 4 comments, 0 proposals; 2 panel statements".
        public var summary: String
        /// Panel statements filed under the goal, in speaking order.
        public var statements: [Statement]
        public var hasStatements: Bool
        /// Their places in the speaking order, as "3, 7, 12": the templates refer to the
        /// statements printed once, in full, with the panel.
        public var statementNumbers: String
        /// Two to five sentences closest to the centre of the goal's opinions.
        public var quotes: [Quote]
        public var hasQuotes: Bool
        /// True when the quotes were chosen from an even sample of the goal's
        /// opinions rather than all of them (a goal with very many).
        public var quotesFromSample: Bool
        /// The goal's proposals with the most supporters, most first.
        public var proposals: [Proposal]
        public var hasProposals: Bool
        /// True when nothing is filed under the goal.
        public var isEmpty: Bool
    }

    /// Where some of the opinions came from.
    public struct Source: Codable, Sendable {
        /// `typed`, `imported` or `web`.
        public var provenance: String
        /// "Typed in", "Web", or "Import batch 3: submissions.csv".
        public var label: String
        public var count: Int
        /// The count with thousands separated: `1,000,000`.
        public var countText: String
        /// When: the range of receipt for typed and web items, the import time for a batch.
        public var when: String
    }

    /// How much personal data was masked in this digest's text.
    public struct Masking: Codable, Sendable {
        public var emails: Int
        public var phones: Int
        public var residentNumbers: Int
        public var cards: Int
        public var accounts: Int
        public var total: Int
        public var hasAny: Bool
        /// "2 e-mail addresses, 1 phone number", or "nothing".
        public var summary: String
    }

    public struct Charts: Codable, Sendable {
        /// Public opinions per goal, then other opinions.
        public var byGoal: BarChart
        /// Items per kind.
        public var byKind: BarChart
    }

    /// `ko` or `en`: the language of every word of Madang's own, in ``labels`` and the
    /// summaries, counts, citizen labels, dates and placeholders.
    public var lang: String
    public var labels: DigestWording
    public var hearing: HearingFacts
    /// The chair, when one is registered.
    public var chair: Speaker?
    /// Everyone on the panel in order, with their statements.
    public var panel: [Speaker]
    public var hasPanel: Bool
    /// All statements in speaking order.
    public var statements: [Statement]
    public var hasStatements: Bool
    public var counts: Counts
    /// The plan's goals and strategies in the taxonomy's order.
    public var goals: [Goal]
    public var hasGoals: Bool
    /// Opinions filed under no goal.
    public var otherOpinions: Goal
    public var hasOtherOpinions: Bool
    public var sources: [Source]
    public var hasSources: Bool
    /// Letters sent many times, largest first: `size`, `share` of public opinions, and the
    /// letter's `text` (masked, shortened when long).
    public var campaigns: [CampaignEntry]
    public var hasCampaigns: Bool

    public struct CampaignEntry: Codable, Sendable {
        public var size: Int
        /// The size as the document's language writes a count: `24건`, `24 copies`.
        public var copies: String
        public var share: String
        public var text: String
    }
    public var charts: Charts
    public var masking: Masking
    /// `numbers`, `initials` or `names`: how citizens are shown.
    public var citizens: String
    /// One sentence saying how citizens are shown, for a footer.
    public var citizensNote: String
    /// When the digest was made, as `2026-11-21 18:30 UTC`.
    public var generatedAt: String
}
