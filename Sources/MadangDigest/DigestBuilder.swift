import Foundation
import MadangCore
import MadangStore

/// Gathers a hearing's facts, panel and opinions from the store into a ``DigestContext``.
public enum DigestBuilder {
    /// Builds the context for the hearing called `slug`.
    public static func context(store: Store, slug: String, now: Date = Date()) throws -> DigestContext {
        let hearing = try store.hearing(slug: slug)
        guard let hearingID = hearing.id else { throw StoreError.unknownHearing(slug: slug, existing: []) }
        let panel = try store.panel(hearingID: hearingID)
        let items = try store.items(hearingID: hearingID)
        return context(hearing: hearing, panel: panel, items: items, now: now)
    }

    /// Builds a context from values already read.
    public static func context(hearing: Hearing, panel: Panel, items: [Item], now: Date = Date()) -> DigestContext {
        let statements = items.filter { $0.kind == .statement }.map { item in
            DigestContext.Statement(order: item.speakingOrder ?? 0, speaker: item.speaker ?? "", text: item.body)
        }
        let bySpeaker = Dictionary(grouping: items.filter { $0.kind == .statement }, by: \.speakerID)
        let speakers = panel.participants.map { participant in
            let said = (bySpeaker[participant.id] ?? []).map {
                DigestContext.Statement(order: $0.speakingOrder ?? 0, speaker: participant.name, text: $0.body)
            }
            return DigestContext.Speaker(
                position: participant.position, name: participant.name, affiliation: participant.affiliation,
                role: participant.role.rawValue, isChair: participant.role == .chair,
                statements: said, hasStatements: !said.isEmpty)
        }
        let comments = items.filter { $0.kind == .comment }.sorted { $0.receivedAt < $1.receivedAt }
            .enumerated().map { index, item in
                DigestContext.Comment(citizen: "Citizen \(index + 1)", title: item.title, text: item.body,
                                      channel: item.channel?.rawValue)
            }
        let proposals = items.filter { $0.kind == .proposal }
            .sorted { ($0.supporters ?? 0, $1.receivedAt) > ($1.supporters ?? 0, $0.receivedAt) }
            .enumerated().map { index, item in
                DigestContext.Proposal(rank: index + 1, title: item.title ?? "", group: item.group ?? "",
                                       supporters: item.supporters, text: item.body)
            }
        let facts = DigestContext.HearingFacts(
            slug: hearing.slug, title: hearing.title, kind: hearing.kind.label, when: hearing.startsAt?.description,
            venue: hearing.venue, organizers: hearing.organizers.isEmpty ? nil : hearing.organizers.joined(separator: ", "),
            plan: hearing.plan, attendanceInPerson: hearing.attendanceInPerson,
            attendanceOnline: hearing.attendanceOnline,
            hasAttendance: hearing.attendanceInPerson != nil || hearing.attendanceOnline != nil)
        return DigestContext(
            hearing: facts, chair: speakers.first(where: \.isChair), panel: speakers, hasPanel: !speakers.isEmpty,
            statements: statements, comments: comments, hasComments: !comments.isEmpty,
            proposals: proposals, hasProposals: !proposals.isEmpty,
            counts: .init(statements: statements.count, comments: comments.count, proposals: proposals.count,
                          total: items.count),
            generatedAt: generatedAt(now))
    }

    /// `2026-11-21 18:30 UTC`.
    static func generatedAt(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)) UTC"
    }
}
