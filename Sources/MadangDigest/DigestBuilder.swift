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
        let language = options.language
        let words = DigestWording.of(language)
        let zone = DocumentDates.zone(of: records.hearing)
        var redaction = Redaction(language: language)
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
                role: participant.role.rawValue, roleLabel: DigestWording.role(participant.role, language),
                isChair: participant.role == .chair,
                statements: said, hasStatements: !said.isEmpty)
        }

        let copies = records.campaigns.reduce(0) { $0 + $1.size - 1 }
        var counts = self.counts(records.counts, language)
        counts.campaigns = records.campaigns.count
        counts.distinctOpinions = counts.publicOpinions - copies
        if !records.campaigns.isEmpty {
            counts.summary += language == .ko
                ? "; 시민 의견 \(BarChart.grouped(counts.publicOpinions))건 가운데 \(BarChart.grouped(records.campaigns.count))개 묶음, 서로 다른 의견 \(BarChart.grouped(counts.distinctOpinions))건"
                : "; \(BarChart.grouped(counts.publicOpinions)) submissions, \(DigestWording.counted(records.campaigns.count, .campaign, .en)) and "
                    + "\(BarChart.grouped(counts.distinctOpinions)) distinct opinions"
        }
        let campaigns = records.campaigns.map { campaign in
            var text = redaction.apply(campaign.text)
            if text.count > quoteWholeUpTo { text = String(text.prefix(quoteWholeUpTo)) + "…" }
            return DigestContext.CampaignEntry(
                size: campaign.size,
                copies: language == .ko ? "\(BarChart.grouped(campaign.size))건"
                    : "\(BarChart.grouped(campaign.size)) \(campaign.size == 1 ? "copy" : "copies")",
                share: BarChart.share(campaign.size, of: counts.publicOpinions), text: text)
        }
        let groups = records.goals + [records.uncategorized]
        let quotes = RepresentativeQuotes(groups: groups.map(\.sample))
        let sections = groups.enumerated().map { index, group in
            goal(group, quotes: onePerCampaign(quotes.quotes(group: index, limit: quoteCount(group, options)), records.campaignOf),
                 statements: group.statementIDs.compactMap { statementsByID[$0] },
                 parentName: group.goal?.parentCode.flatMap { goalNames[$0] },
                 publicTotal: counts.publicOpinions, options: options, redaction: &redaction)
        }
        let goals = Array(sections.dropLast())
        var other = sections[sections.count - 1]
        // With no taxonomy loaded every opinion is here: the heading says so.
        other.name = switch (goals.isEmpty, language) {
        case (true, .en): "All opinions (no goals loaded yet)"
        case (false, .en): "Other opinions"
        case (true, .ko): "전체 의견(정책목표 미등록)"
        case (false, .ko): "기타 의견"
        }

        let columns = (words.items, words.share)
        let byGoal = BarChart(
            title: language == .ko ? "정책목표별 시민 의견" : "Public opinions by goal",
            entries: goals.filter { !$0.isStrategy }.map { (($0.code.map { "\($0) · " } ?? "") + $0.name, $0.counts.publicOpinions) }
                + (other.counts.publicOpinions > 0 ? [(other.name, other.counts.publicOpinions)] : []),
            total: counts.publicOpinions, columns: columns)
        let kinds: [(String, Int)] = language == .ko
            ? [("토론 발언", counts.statements), ("의견", counts.comments), ("제안", counts.proposals)]
            : [("Panel statements", counts.statements), ("Comments", counts.comments), ("Proposals", counts.proposals)]
        let byKind = BarChart(title: language == .ko ? "유형별 건수" : "Items by kind", entries: kinds, total: counts.total, columns: columns)

        let hearing = records.hearing
        let attendance = [hearing.attendanceInPerson, hearing.attendanceOnline].compactMap { $0 }
        return DigestContext(
            lang: language.rawValue, labels: words,
            hearing: .init(
                slug: hearing.slug, title: hearing.title, kind: ReportWording.hearingKind(hearing.kind, language),
                kindCode: hearing.kind.rawValue, when: hearing.startsAt.map { DocumentDates.format($0, language) },
                startsAt: hearing.startsAt?.description,
                venue: hearing.venue, organizers: hearing.organizers.isEmpty ? nil : hearing.organizers.joined(separator: ", "),
                plan: hearing.plan, attendanceInPerson: hearing.attendanceInPerson, attendanceOnline: hearing.attendanceOnline,
                attendanceTotal: attendance.isEmpty ? nil : attendance.reduce(0, +), hasAttendance: !attendance.isEmpty,
                attendance: ReportWording.attendance(inPerson: hearing.attendanceInPerson, online: hearing.attendanceOnline, language)),
            chair: panel.first(where: \.isChair), panel: panel, hasPanel: !panel.isEmpty,
            statements: statements, hasStatements: !statements.isEmpty, counts: counts,
            goals: goals, hasGoals: !goals.isEmpty,
            otherOpinions: other, hasOtherOpinions: other.counts.publicOpinions > 0,
            sources: records.sources.map { source($0, language: language, zone: zone) }, hasSources: !records.sources.isEmpty,
            campaigns: campaigns, hasCampaigns: !campaigns.isEmpty,
            charts: .init(byGoal: byGoal, byKind: byKind),
            masking: masking(redaction, language),
            citizens: options.citizens.rawValue, citizensNote: DigestWording.citizensNote(options.citizens, language),
            generatedAt: DocumentDates.format(options.now, in: zone, language))
    }

    /// The quotes with at most one from each campaign: a letter sent many times is one opinion.
    static func onePerCampaign(_ quotes: [RepresentativeQuotes.Quote], _ campaignOf: [Int64: Int64]) -> [RepresentativeQuotes.Quote] {
        var seen = Set<Int64>()
        return quotes.filter { quote in campaignOf[quote.opinion.id].map { seen.insert($0).inserted } ?? true }
    }

    /// An opinion up to this many characters is quoted whole rather than by one sentence.
    static let quoteWholeUpTo = 200

    /// Two to five quotes: more for goals with more opinions (3 for 4 opinions, 5 from 8 on).
    static func quoteCount(_ group: DigestRecords.GoalRecords, _ options: DigestOptions) -> Int {
        let opinions = (group.counts[.comment] ?? 0) + (group.counts[.proposal] ?? 0)
        return min(options.quotesPerGoal, max(2, opinions / 2 + 1))
    }

    private static func goal(
        _ group: DigestRecords.GoalRecords, quotes: [RepresentativeQuotes.Quote], statements: [DigestContext.Statement],
        parentName: String?, publicTotal: Int, options: DigestOptions, redaction: inout Redaction
    ) -> DigestContext.Goal {
        let language = options.language
        let counts = self.counts(group.counts, language)
        let quoted = quotes.compactMap { quote -> DigestContext.Quote? in
            // A short opinion is quoted whole, so its sentence keeps its context; a quote
            // that would be mostly a masked phone number or address says nothing.
            let body = quote.opinion.body.trimmingCharacters(in: .whitespacesAndNewlines)
            let text = body.count <= quoteWholeUpTo ? body : quote.sentence
            var trial = Redaction(language: language)
            let masked = trial.apply(text)
            let placeholders = trial.total * (language == .ko ? 8 : 15)
            guard placeholders * 2 <= masked.count else { return nil }
            return DigestContext.Quote(
                text: redaction.apply(text),
                // A group's proposal is the group's, not one citizen's.
                citizen: redaction.apply(quote.opinion.kind == .proposal && quote.opinion.group != nil
                    ? quote.opinion.group ?? ""
                    : options.label(number: quote.opinion.citizenNumber, author: quote.opinion.author)),
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
            summary: "\(DigestWording.counted(counts.publicOpinions, .publicOpinion, language))"
                + (language == .ko ? "(\(share)): " : " (\(share)): ")
                + "\(DigestWording.counted(counts.comments, .comment, language)), \(DigestWording.counted(counts.proposals, .proposal, language)); "
                + DigestWording.counted(counts.statements, .statement, language),
            statements: statements, hasStatements: !statements.isEmpty,
            statementNumbers: statements.map { String($0.order) }.joined(separator: ", "),
            quotes: quoted, hasQuotes: !quoted.isEmpty, quotesFromSample: !group.sampleIsComplete,
            proposals: proposals, hasProposals: !proposals.isEmpty, isEmpty: counts.total == 0)
    }

    private static func counts(_ byKind: [ItemKind: Int], _ language: DocumentLanguage) -> DigestContext.Counts {
        let statements = byKind[.statement] ?? 0
        let comments = byKind[.comment] ?? 0
        let proposals = byKind[.proposal] ?? 0
        return .init(statements: statements, comments: comments, proposals: proposals,
                     publicOpinions: comments + proposals, distinctOpinions: comments + proposals, campaigns: 0,
                     total: statements + comments + proposals,
                     summary: [(statements, DigestWording.Noun.statement), (comments, .comment), (proposals, .proposal)]
                        .map { DigestWording.counted($0.0, $0.1, language) }.joined(separator: ", "))
    }

    /// Where some opinions came from, as people would recognise it: typed in at the
    /// hearing, sent online, or a batch received from a file, with when, in the hearing's zone.
    private static func source(_ source: DigestRecords.Source, language: DocumentLanguage, zone: TimeZone) -> DigestContext.Source {
        func when(_ date: Date) -> String { DocumentDates.format(date, in: zone, language) }
        if let batch = source.batch {
            return .init(provenance: source.provenance,
                         label: language == .ko ? "일괄 접수 \(batch.id)" : "Batch \(batch.id), received as a file",
                         count: source.count, countText: BarChart.grouped(source.count), when: when(batch.importedAt))
        }
        let label = switch (source.provenance, language) {
        case ("typed", .ko): "현장 입력"
        case ("web", .ko): "온라인 제출"
        case ("typed", .en): "Typed in at the hearing"
        case ("web", .en): "Sent online"
        default: source.provenance
        }
        let first = source.firstReceivedAt.map(when)
        let last = source.lastReceivedAt.map(when)
        let range = first == last ? (first ?? "") : "\(first ?? "") – \(last ?? "")"
        return .init(provenance: source.provenance, label: label, count: source.count,
                     countText: BarChart.grouped(source.count), when: range)
    }

    private static func masking(_ redaction: Redaction, _ language: DocumentLanguage) -> DigestContext.Masking {
        let parts = [
            (redaction.emails, DigestWording.Noun.email), (redaction.phones, .phone), (redaction.residentNumbers, .residentNumber),
            (redaction.cards, .card), (redaction.accounts, .account),
        ].filter { $0.0 > 0 }.map { DigestWording.counted($0.0, $0.1, language) }
        return .init(emails: redaction.emails, phones: redaction.phones, residentNumbers: redaction.residentNumbers,
                     cards: redaction.cards, accounts: redaction.accounts,
                     total: redaction.total, hasAny: redaction.total > 0,
                     summary: parts.isEmpty ? (language == .ko ? "없음" : "nothing") : parts.joined(separator: ", "))
    }
}
