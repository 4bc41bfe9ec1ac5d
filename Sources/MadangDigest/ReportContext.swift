import Foundation
import MadangCore

/// What the result report's templates receive: the hearing's facts, its opinions counted
/// by goal and by decision, and the 의견 반영 여부 table, every word of Madang's own in the
/// report's language (``labels``), with the raw codes beside the localized labels so a
/// template of one's own, in either language, needs no word of ours.
///
/// Citizens' text is masked (see ``Redaction``); citizens appear by number, a group's
/// proposal under the group's name.
public struct ReportContext: Codable, Sendable {
    /// `ko` or `en`.
    public var lang: String
    public var labels: ReportWording
    public var hearing: Facts
    /// Opinions counted: `opinions`, `answered`, `unanswered`, and `summary`, a sentence.
    public var counts: Counts
    /// Public opinions per goal, in the taxonomy's order, then those under no goal.
    public var goals: [Goal]
    public var hasGoals: Bool
    /// Opinions per decision, in the hearing's order of states, then those unanswered.
    public var states: [State]
    public var chart: BarChart
    /// The 의견 반영 여부 table.
    public var rows: [Row]
    public var hasRows: Bool
    /// True when unpublished drafts are included.
    public var drafts: Bool
    /// When the report was made, in the hearing's time zone and the report's language.
    public var generatedAt: String

    public struct Facts: Codable, Sendable {
        public var title: String
        /// `public-hearing`, …, and its label in the report's language.
        public var kind: String
        public var kindLabel: String
        /// When it took place, as the report's language writes it; raw: `startsAtRaw`.
        public var when: String?
        public var startsAtRaw: String?
        public var venue: String?
        public var organizers: String?
        public var plan: String?
        public var attendance: String?
        /// The labelled facts that are known, in order, for a template that lists them.
        public var facts: [Fact]
    }

    public struct Fact: Codable, Sendable {
        public var label: String
        public var value: String
    }

    public struct Counts: Codable, Sendable {
        public var opinions: Int
        public var answered: Int
        public var unanswered: Int
        public var summary: String
    }

    public struct Goal: Codable, Sendable {
        /// Nil for the opinions under no goal.
        public var code: String?
        public var name: String
        public var opinions: Int
        public var countText: String
        /// Its opinions by decision: "반영 3건, 미반영 1건".
        public var decisions: String
    }

    public struct State: Codable, Sendable {
        /// The state's code, such as `not-accepted`; `none` for opinions not yet answered.
        public var code: String
        public var label: String
        public var count: Int
        public var countText: String
        public var share: String
        /// True when some opinion has this decision.
        public var hasOpinions: Bool
    }

    public struct Row: Codable, Sendable {
        /// The item's number, as `madang items` lists it.
        public var number: Int64
        /// `comment`, `proposal` or `statement`, and its label.
        public var kind: String
        public var kindLabel: String
        /// The opinion (its title first, if any), masked; shortened when long, with `shortened` set.
        public var opinion: String
        public var shortened: Bool
        /// Who: "시민 6", a group's name, or a panelist's; for a campaign's copies answered
        /// alike, the first sender "and N others" ("시민 8 외 23명").
        public var from: String
        /// How many submissions the row stands for: more than 1 for a campaign's copies.
        public var copies: Int
        /// The decision's code (`none` when unanswered) and label.
        public var state: String
        public var stateLabel: String
        public var response: String?
        public var reason: String?
        public var action: String?
        public var department: String?
        /// True for a draft included by request.
        public var draft: Bool
    }
}
