import Foundation
import MadangCore
import MadangStore

/// Makes a hearing's ``DigestContext`` from the store: the counting and sampling
/// happen in the database (``Store/digestRecords(hearingID:sampleSize:proposalsPerGoal:)``),
/// so memory stays bounded however many opinions the hearing holds; quotes are
/// chosen here, and every citizen's and panelist's text passes through ``Redaction``.
public enum DigestBuilder {
    /// Builds the context for the hearing called `slug`.
    public static func context(store: Store, slug: String, options: DigestOptions = DigestOptions()) throws -> DigestContext {
        let hearing = try store.hearing(slug: slug)
        guard let hearingID = hearing.id else { throw StoreError.unknownHearing(slug: slug, existing: []) }
        let records = try store.digestRecords(
            hearingID: hearingID, sampleSize: options.sampleSize, proposalsPerGoal: options.proposalsPerGoal)
        return context(records: records, options: options)
    }

    /// Builds a context from records already read.
    public static func context(records: DigestRecords, options: DigestOptions = DigestOptions()) -> DigestContext {
        var redaction = Redaction()
        let goalNames = Dictionary(records.goals.compactMap { $0.goal.map { ($0.code, $0.name) } }, uniquingKeysWith: { a, _ in a })
        var goalsOfStatement: [Int64: [String]] = [:]
        for goal in records.goals {
            for id in goal.statementIDs { goalsOfStatement[id, default: []].append(goal.goal?.name ?? "") }
        }

        let byParticipant = Dictionary(uniqueKeysWithValues: records.panel.participants.compactMap { p in p.id.map { ($0, p) } })
        var statementsByID: [Int64: DigestContext.Statement] = [:]
        let statements = records.statements.map { item in
            let statement = DigestContext.Statement(
                order: item.speakingOrder ?? 0, speaker: item.speaker ?? "",
                affiliation: item.speakerID.flatMap { byParticipant[$0]?.affiliation },
                text: redaction.apply(item.body),
                goals: (item.id.flatMap { goalsOfStatement[$0] } ?? []).joined(separator: ", "))
            if let id = item.id { statementsByID[id] = statement }
            return statement
        }
        let panel = records.panel.participants.map { participant in
            let said = records.statements.filter { $0.speakerID == participant.id }.compactMap { $0.id.flatMap { statementsByID[$0] } }
            return DigestContext.Speaker(
                position: participant.position, name: participant.name, affiliation: participant.affiliation,
                role: participant.role.rawValue, isChair: participant.role == .chair,
                statements: said, hasStatements: !said.isEmpty)
        }

        let counts = self.counts(records.counts)
        let groups = records.goals + [records.uncategorized]
        let quotes = RepresentativeQuotes(groups: groups.map(\.sample))
        let sections = groups.enumerated().map { index, group in
            goal(group, quotes: quotes.quotes(group: index, limit: quoteCount(group, options)),
                 statements: group.statementIDs.compactMap { statementsByID[$0] },
                 parentName: group.goal?.parentCode.flatMap { goalNames[$0] },
                 publicTotal: counts.publicOpinions, options: options, redaction: &redaction)
        }
        let goals = Array(sections.dropLast())
        var other = sections[sections.count - 1]
        // With no taxonomy loaded every opinion is here: the heading says so.
        other.name = goals.isEmpty ? "All opinions (no goals loaded yet)" : "Other opinions"

        let byGoal = BarChart(
            title: "Public opinions by goal",
            entries: goals.filter { !$0.isStrategy }.map { (($0.code.map { "\($0) · " } ?? "") + $0.name, $0.counts.publicOpinions) }
                + (other.counts.publicOpinions > 0 ? [(other.name, other.counts.publicOpinions)] : []),
            total: counts.publicOpinions)
        let byKind = BarChart(
            title: "Items by kind",
            entries: [("Panel statements", counts.statements), ("Comments", counts.comments), ("Proposals", counts.proposals)],
            total: counts.total)

        let hearing = records.hearing
        let attendance = [hearing.attendanceInPerson, hearing.attendanceOnline].compactMap { $0 }
        return DigestContext(
            hearing: .init(
                slug: hearing.slug, title: hearing.title, kind: hearing.kind.label, when: hearing.startsAt?.description,
                venue: hearing.venue, organizers: hearing.organizers.isEmpty ? nil : hearing.organizers.joined(separator: ", "),
                plan: hearing.plan, attendanceInPerson: hearing.attendanceInPerson, attendanceOnline: hearing.attendanceOnline,
                attendanceTotal: attendance.isEmpty ? nil : attendance.reduce(0, +), hasAttendance: !attendance.isEmpty),
            chair: panel.first(where: \.isChair), panel: panel, hasPanel: !panel.isEmpty,
            statements: statements, hasStatements: !statements.isEmpty, counts: counts,
            goals: goals, hasGoals: !goals.isEmpty,
            otherOpinions: other, hasOtherOpinions: other.counts.publicOpinions > 0,
            sources: records.sources.map(source), hasSources: !records.sources.isEmpty,
            charts: .init(byGoal: byGoal, byKind: byKind),
            masking: masking(redaction),
            citizens: options.citizens.rawValue, citizensNote: citizensNote(options.citizens),
            generatedAt: minute(options.now))
    }

    /// Two to five quotes: more for goals with more opinions (3 for 4 opinions, 5 from 8 on).
    static func quoteCount(_ group: DigestRecords.GoalRecords, _ options: DigestOptions) -> Int {
        let opinions = (group.counts[.comment] ?? 0) + (group.counts[.proposal] ?? 0)
        return min(options.quotesPerGoal, max(2, opinions / 2 + 1))
    }

    private static func goal(
        _ group: DigestRecords.GoalRecords, quotes: [RepresentativeQuotes.Quote], statements: [DigestContext.Statement],
        parentName: String?, publicTotal: Int, options: DigestOptions, redaction: inout Redaction
    ) -> DigestContext.Goal {
        let counts = self.counts(group.counts)
        let quoted = quotes.map { quote in
            DigestContext.Quote(
                text: redaction.apply(quote.sentence),
                citizen: redaction.apply(options.label(number: quote.opinion.citizenNumber, author: quote.opinion.author)),
                kind: quote.opinion.kind.rawValue)
        }
        let proposals = group.topProposals.enumerated().map { index, opinion in
            DigestContext.Proposal(
                rank: index + 1, title: redaction.apply(opinion.title ?? ""), group: redaction.apply(opinion.group ?? options.label(number: opinion.citizenNumber, author: opinion.author)),
                supporters: opinion.supporters, text: redaction.apply(opinion.body))
        }
        let share = BarChart.share(counts.publicOpinions, of: publicTotal)
        return DigestContext.Goal(
            code: group.goal?.code, name: group.goal?.name ?? "", description: group.goal?.description,
            isStrategy: group.goal?.parentCode != nil, parent: parentName, counts: counts,
            share: share,
            summary: "\(counted(counts.publicOpinions, "public opinion")) (\(share)): \(counted(counts.comments, "comment")), "
                + "\(counted(counts.proposals, "proposal")); \(counted(counts.statements, "panel statement"))",
            statements: statements, hasStatements: !statements.isEmpty,
            quotes: quoted, hasQuotes: !quoted.isEmpty, quotesFromSample: !group.sampleIsComplete,
            proposals: proposals, hasProposals: !proposals.isEmpty, isEmpty: counts.total == 0)
    }

    private static func counts(_ byKind: [ItemKind: Int]) -> DigestContext.Counts {
        let statements = byKind[.statement] ?? 0
        let comments = byKind[.comment] ?? 0
        let proposals = byKind[.proposal] ?? 0
        return .init(statements: statements, comments: comments, proposals: proposals,
                     publicOpinions: comments + proposals, total: statements + comments + proposals,
                     summary: "\(counted(statements, "panel statement")), \(counted(comments, "comment")), \(counted(proposals, "proposal"))")
    }

    /// `1 comment`, `2 comments`.
    static func counted(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(BarChart.grouped(n)) \(n == 1 ? noun : plural ?? noun + "s")"
    }

    private static func source(_ source: DigestRecords.Source) -> DigestContext.Source {
        if let batch = source.batch {
            return .init(provenance: source.provenance, label: "Import batch \(batch.id): \(batch.fileName)",
                         count: source.count, countText: BarChart.grouped(source.count), when: "imported \(minute(batch.importedAt))")
        }
        let label = switch source.provenance {
        case "typed": "Typed in"
        case "web": "Web"
        default: source.provenance.capitalized
        }
        let first = source.firstReceivedAt.map(minute)
        let last = source.lastReceivedAt.map(minute)
        let when = first == last ? (first ?? "") : "\(first ?? "") – \(last ?? "")"
        return .init(provenance: source.provenance, label: label, count: source.count,
                     countText: BarChart.grouped(source.count), when: when)
    }

    private static func masking(_ redaction: Redaction) -> DigestContext.Masking {
        let parts = [
            (redaction.emails, "e-mail address", "e-mail addresses"),
            (redaction.phones, "phone number", nil),
            (redaction.residentNumbers, "resident registration number", nil),
            (redaction.cards, "card number", nil),
            (redaction.accounts, "bank account number", nil),
        ].filter { $0.0 > 0 }.map { counted($0.0, $0.1, plural: $0.2) }
        return .init(emails: redaction.emails, phones: redaction.phones, residentNumbers: redaction.residentNumbers,
                     cards: redaction.cards, accounts: redaction.accounts,
                     total: redaction.total, hasAny: redaction.total > 0,
                     summary: parts.isEmpty ? "nothing" : parts.joined(separator: ", "))
    }

    private static func citizensNote(_ citizens: DigestOptions.Citizens) -> String {
        switch citizens {
        case .numbers: "Citizens are shown by number (Citizen N wrote the hearing's N-th public opinion); their names and contact details are not printed."
        case .initials: "Citizens are shown by their initials (by number where no name was given); their contact details are not printed."
        case .names: "Citizens are shown by the names they gave (this digest was asked to show names); their contact details are not printed."
        }
    }

    /// `2026-11-21 18:30 UTC`.
    static func minute(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)) UTC"
    }
}
