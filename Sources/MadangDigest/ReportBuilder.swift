import Foundation
import MadangCore
import MadangStore

/// Builds the result report's context from a hearing's response register.
public enum ReportBuilder {
    /// An opinion longer than this many characters is shortened in the table.
    static let opinionLength = 300

    /// The report of `register`, with the hearing's goals and campaigns read from `store`.
    public static func context(
        store: Store, register: ResponseRegister, language: DocumentLanguage, drafts: Bool, now: Date = Date()
    ) throws -> ReportContext {
        let hearingID = register.hearing.id ?? 0
        return context(
            register: register, goals: try store.goals(hearingID: hearingID), language: language, drafts: drafts,
            campaigns: try store.campaigns(hearingID: hearingID),
            campaignOf: try store.campaignIDs(itemIDs: register.rows.compactMap(\.item.id)), now: now)
    }

    /// The report of `register` (its rows' responses: published ones only, unless the
    /// register was read with drafts, which `drafts` then marks) in `language`. The copies
    /// of a campaign (`campaignOf`: item → campaign) that were answered alike are one row:
    /// the letter, from its first sender "and N others".
    public static func context(
        register: ResponseRegister, goals: [PolicyGoal], language: DocumentLanguage, drafts: Bool,
        campaigns: [Campaign] = [], campaignOf: [Int64: Int64] = [:], now: Date = Date()
    ) -> ReportContext {
        let hearing = register.hearing
        let words = ReportWording.of(language)
        var redaction = Redaction(language: language)
        let unanswered = ReportWording.unanswered(language)
        func stateLabel(_ response: Response?) -> String {
            response.flatMap { register.state($0.state)?.label(language) } ?? unanswered
        }
        let letters = Dictionary(campaigns.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [ReportContext.Row] = []
        var folded: [String: Int] = [:]  // a campaign and an answer → its row
        for row in register.rows {
            let item = row.item
            let letter = item.id.flatMap { campaignOf[$0] }.flatMap { letters[$0] }
            let response = row.response
            if let letter {
                let key = [String(letter.id), response?.state, response?.text, response?.reason, response?.action].map { $0 ?? "" }
                    .joined(separator: "\u{1F}")
                if let place = folded[key] {
                    rows[place].copies += 1
                    continue
                }
                folded[key] = rows.count
            }
            var text = letter.map { redaction.apply($0.text) } ?? opinion(item, redaction: &redaction)
            let shortened = text.count > opinionLength
            if shortened { text = String(text.prefix(opinionLength)) + "…" }
            rows.append(ReportContext.Row(
                number: item.id ?? 0, kind: item.kind.rawValue, kindLabel: ReportWording.kind(item.kind, language), opinion: text,
                shortened: shortened, from: from(row, language, redaction: &redaction), copies: 1,
                state: response?.state ?? "none", stateLabel: stateLabel(response),
                response: response?.text.map { redaction.apply($0) }, reason: response?.reason.map { redaction.apply($0) },
                action: response?.action.map { redaction.apply($0) }, department: response?.department,
                draft: drafts && response.map { !$0.isPublished } == true))
        }
        for index in rows.indices where rows[index].copies > 1 {
            rows[index].from = ReportWording.andOthers(rows[index].from, rows[index].copies - 1, language)
        }
        let opinions = register.rows.count
        let answered = register.rows.filter { $0.response != nil }.count

        var states: [ReportContext.State] = register.states.map { state in
            let count = register.rows.filter { $0.response?.state == state.code }.count
            return ReportContext.State(code: state.code, label: state.label(language), count: count,
                                       countText: ReportWording.count(count, language), share: BarChart.share(count, of: opinions),
                                       hasOpinions: count > 0)
        }
        states.append(ReportContext.State(
            code: "none", label: unanswered, count: opinions - answered, countText: ReportWording.count(opinions - answered, language),
            share: BarChart.share(opinions - answered, of: opinions), hasOpinions: opinions > answered))
        states = states.filter { $0.count > 0 || $0.code != "none" }

        func decisions(_ members: [ResponseRegister.Row]) -> String {
            var parts: [String] = []
            for state in register.states {
                let count = members.filter { $0.response?.state == state.code }.count
                if count > 0 { parts.append("\(state.label(language)) \(ReportWording.count(count, language))") }
            }
            let open = members.filter { $0.response == nil }.count
            if open > 0 { parts.append("\(unanswered) \(ReportWording.count(open, language))") }
            return parts.joined(separator: ", ")
        }
        let publicRows = register.rows.filter { $0.item.kind != .statement }
        var goalRows: [ReportContext.Goal] = goals.map { goal in
            let members = publicRows.filter { $0.goals.contains(goal.code) }
            return ReportContext.Goal(code: goal.code, name: goal.name, opinions: members.count,
                                      countText: ReportWording.count(members.count, language), decisions: decisions(members))
        }
        let other = publicRows.filter { $0.goals.isEmpty }
        if !other.isEmpty {
            goalRows.append(ReportContext.Goal(code: nil, name: words.otherOpinions, opinions: other.count,
                                               countText: ReportWording.count(other.count, language), decisions: decisions(other)))
        }

        return ReportContext(
            lang: language.rawValue, labels: words, hearing: facts(hearing, language),
            counts: ReportContext.Counts(
                opinions: opinions, answered: answered, unanswered: opinions - answered,
                summary: ReportWording.summary(opinions: opinions, answered: answered, language)
                    + ReportWording.campaigns(campaigns, opinions: publicRows.count, language)),
            goals: goalRows, hasGoals: !goals.isEmpty,
            states: states,
            chart: BarChart(title: words.byState, entries: states.map { ($0.label, $0.count) }, total: opinions,
                            columns: (words.opinions, words.share)),
            rows: rows, hasRows: !rows.isEmpty, drafts: drafts,
            generatedAt: DocumentDates.format(now, in: DocumentDates.zone(of: hearing), language))
    }

    /// The hearing's facts as its documents print them, in `language`.
    static func facts(_ hearing: Hearing, _ language: DocumentLanguage) -> ReportContext.Facts {
        let words = ReportWording.of(language)
        let when = hearing.startsAt.map { DocumentDates.format($0, language) }
        let organizers = hearing.organizers.isEmpty ? nil : hearing.organizers.joined(separator: ", ")
        let attendance = ReportWording.attendance(inPerson: hearing.attendanceInPerson, online: hearing.attendanceOnline, language)
        let facts = [(words.when, when), (words.venue, hearing.venue), (words.organizers, organizers), (words.plan, hearing.plan),
                     (words.attendance, attendance)].compactMap { label, value in value.map { ReportContext.Fact(label: label, value: $0) } }
        return ReportContext.Facts(
            title: hearing.title, kind: hearing.kind.rawValue, kindLabel: ReportWording.hearingKind(hearing.kind, language),
            when: when, startsAtRaw: hearing.startsAt?.description, venue: hearing.venue, organizers: organizers,
            plan: hearing.plan, attendance: attendance, facts: facts)
    }

    /// An opinion as the public documents print it: its title first, masked.
    public static func opinion(_ item: Item, redaction: inout Redaction) -> String {
        redaction.apply(item.title.map { "\($0) — \(item.body)" } ?? item.body)
    }

    /// Who gave an opinion, as the public documents say it: a panelist by name, a group's
    /// proposal under the group's name, anyone else as a citizen by number.
    public static func from(_ row: ResponseRegister.Row, _ language: DocumentLanguage, redaction: inout Redaction) -> String {
        switch row.item.kind {
        case .statement: row.item.speaker ?? ""
        case .proposal where row.item.group != nil: redaction.apply(row.item.group ?? "")
        default: ReportWording.citizen(row.citizenNumber ?? 0, language)
        }
    }

    /// The notices of `register` (published responses only) in `language`: one for each
    /// commenter who gave an e-mail address or a phone number, their opinions together
    /// (the same address or number, or the same name with no contact, is one commenter).
    public static func notices(register: ResponseRegister, language: DocumentLanguage, now: Date = Date()) -> NoticeContext {
        let words = ReportWording.of(language)
        var notices: [NoticeContext.Notice] = []
        var place: [String: Int] = [:]
        var unreachable = Set<String>()
        let unanswered = ReportWording.unanswered(language)
        for row in register.rows where row.item.kind != .statement {
            let item = row.item
            let email = item.contact.email?.lowercased()
            let phone = item.contact.phone.map { $0.filter(\.isNumber) }
            guard let key = email.map({ "e:" + $0 }) ?? phone.map({ "p:" + $0 }) else {
                unreachable.insert(item.author.map { "n:" + $0 } ?? "i:\(item.id ?? 0)")
                continue
            }
            let opinion = NoticeContext.Opinion(
                number: item.id ?? 0, text: item.title.map { "\($0) — \(item.body)" } ?? item.body,
                state: row.response?.state ?? "none",
                stateLabel: row.response.flatMap { register.state($0.state)?.label(language) } ?? unanswered,
                response: row.response?.text, reason: row.response?.reason, action: row.response?.action,
                department: row.response?.department)
            if let index = place[key] {
                notices[index].opinions.append(opinion)
            } else {
                place[key] = notices.count
                let name = item.author ?? ReportWording.citizen(row.citizenNumber ?? 0, language)
                notices.append(NoticeContext.Notice(
                    name: name, email: item.contact.email, phone: item.contact.phone,
                    greeting: language == .ko ? "\(name) \(words.noticeGreeting)" : "\(words.noticeGreeting) \(name),",
                    intro: language == .ko
                        ? "\(register.hearing.title)\(words.noticeIntro)"
                        : "\(words.noticeIntro) \(register.hearing.title). Here is what was decided.",
                    opinions: [opinion]))
            }
        }
        return NoticeContext(
            lang: language.rawValue, labels: words, hearing: facts(register.hearing, language), notices: notices,
            unreachable: unreachable.count, generatedAt: DocumentDates.format(now, in: DocumentDates.zone(of: register.hearing), language))
    }
}
