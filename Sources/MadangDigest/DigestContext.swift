import Foundation
import MadangCore

/// Everything a digest template receives, as plain values with names a template
/// author can read. Citizens appear as "Citizen N"; their contact details never
/// reach a template.
public struct DigestContext: Codable, Sendable {
    public struct HearingFacts: Codable, Sendable {
        public var slug: String
        public var title: String
        /// "public hearing", "seminar", …
        public var kind: String
        /// `2023-01-05 14:00`, when known.
        public var when: String?
        public var venue: String?
        /// The organizers joined with commas, when there are any.
        public var organizers: String?
        public var plan: String?
        public var attendanceInPerson: Int?
        public var attendanceOnline: Int?
        /// True when either attendance figure is known.
        public var hasAttendance: Bool
    }

    public struct Speaker: Codable, Sendable {
        public var position: Int
        public var name: String
        public var affiliation: String?
        /// `chair`, `panelist`, `presenter` or `official`.
        public var role: String
        public var isChair: Bool
        /// What this participant said, in speaking order.
        public var statements: [Statement]
        public var hasStatements: Bool
    }

    public struct Statement: Codable, Sendable {
        /// The place in the hearing's speaking order.
        public var order: Int
        public var speaker: String
        public var text: String
    }

    public struct Comment: Codable, Sendable {
        /// "Citizen 3": the author by number, in the order comments arrived.
        public var citizen: String
        public var title: String?
        public var text: String
        /// `in-room`, `online` or `mail`, when known.
        public var channel: String?
    }

    public struct Proposal: Codable, Sendable {
        public var rank: Int
        public var title: String
        public var group: String
        public var supporters: Int?
        public var text: String
    }

    public struct Counts: Codable, Sendable {
        public var statements: Int
        public var comments: Int
        public var proposals: Int
        public var total: Int
    }

    public var hearing: HearingFacts
    /// The chair, when one is registered.
    public var chair: Speaker?
    /// Everyone on the panel in order, with their statements.
    public var panel: [Speaker]
    public var hasPanel: Bool
    /// All statements in speaking order.
    public var statements: [Statement]
    public var comments: [Comment]
    public var hasComments: Bool
    /// Proposals, most supported first.
    public var proposals: [Proposal]
    public var hasProposals: Bool
    public var counts: Counts
    /// When the digest was made, as `2026-11-21 18:30 UTC`.
    public var generatedAt: String
}
