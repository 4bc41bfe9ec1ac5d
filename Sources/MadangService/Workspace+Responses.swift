import Foundation
import MadangCore
import MadangDigest
import MadangIntake
import MadangStore

extension Workspace {
    /// The hearing's response states, in order.
    public func responseStates(_ slug: String) async throws -> [ResponseState] {
        try await run { store in try store.responseStates(hearingID: try store.hearing(slug: slug).id ?? 0) }
    }

    /// Gives the hearing its own response states instead of the defaults.
    public func setResponseStates(_ slug: String, _ states: [ResponseState]) async throws {
        try await run { store in try store.setResponseStates(hearingID: try store.hearing(slug: slug).id ?? 0, states) }
    }

    /// Answers the opinions `selection` picks, all in one transaction, audited item by item.
    /// A later call on some of them adjusts only what it gives.
    ///
    /// - Throws: ``ServiceError/nothingSelected(hearing:)`` when the selection is empty;
    ///   ``StoreError/invalid(_:)`` for an unknown state or a missing reason.
    public func respond(_ slug: String, to selection: OpinionSelection, _ change: ResponseChange) async throws -> [Response] {
        try await run { store in
            let hearing = try store.hearing(slug: slug)
            let ids = try Workspace.select(selection, in: hearing, store: store)
            guard !ids.isEmpty else { throw ServiceError.nothingSelected(hearing: slug) }
            return try store.respond(hearingID: hearing.id ?? 0, itemIDs: ids, change)
        }
    }

    /// The ids `selection` picks, in order, each once: items by number (any kind), then the
    /// comments and proposals under the goal and those matching the search.
    static func select(_ selection: OpinionSelection, in hearing: Hearing, store: Store) throws -> [Int64] {
        let hearingID = hearing.id ?? 0
        var ids = selection.items
        if let goal = selection.goal {
            let codes = try store.goals(hearingID: hearingID).map(\.code)
            guard codes.contains(goal) else { throw StoreError.unknownGoal(code: goal, existing: codes) }
            ids += try store.items(hearingID: hearingID, goal: goal).filter { $0.kind != .statement }.compactMap(\.id)
        }
        if let campaign = selection.campaign {
            let members = try store.campaign(id: campaign)
            guard members.campaign.hearingID == hearingID else { throw StoreError.unknownCampaign(id: campaign) }
            ids += members.members.compactMap(\.item.id)
        }
        if let words = selection.search {
            ids += try store.search(hearingID: hearingID, query: words, limit: Int(Int32.max))
                .map(\.item).filter { $0.kind != .statement }.compactMap(\.id)
        }
        var seen = Set<Int64>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// The response register: every comment and proposal of the hearing (and each statement
    /// that has a response), with its goals, the label its author goes by, and its response.
    ///
    /// - Parameter state: only the opinions with a response in this state (code or label).
    public func responseRegister(_ slug: String, state: String? = nil) async throws -> ResponseRegister {
        try await run { store in try Workspace.register(slug, state: state, store: store) }
    }

    static func register(_ slug: String, state: String? = nil, publishedOnly: Bool = false, store: Store) throws -> ResponseRegister {
        try store.responseRegister(hearingID: try store.hearing(slug: slug).id ?? 0, state: state, publishedOnly: publishedOnly)
    }

    /// Publishes every draft response of the hearing; returns how many.
    public func publishResponses(_ slug: String) async throws -> Int {
        try await run { store in try store.publishResponses(hearingID: try store.hearing(slug: slug).id ?? 0) }
    }
}

/// Which opinions to answer: items by number, every comment and proposal under a goal,
/// every one matching a search, every one of a campaign, or any mix.
public struct OpinionSelection: Hashable, Sendable {
    public var items: [Int64]
    public var goal: String?
    public var search: String?
    /// Every opinion of this campaign.
    public var campaign: Int64?

    public init(items: [Int64] = [], goal: String? = nil, search: String? = nil, campaign: Int64? = nil) {
        self.items = items
        self.goal = goal
        self.search = search
        self.campaign = campaign
    }
}

extension Workspace {
    /// The hearing's result report: its facts, opinions by goal and by decision, and the
    /// 의견 반영 여부 table, in the request's language, else the hearing's, else the
    /// request's default. Only published responses, unless the request asks for drafts.
    public func report(_ slug: String, _ request: DocumentRequest = DocumentRequest()) async throws -> String {
        try await run { store in
            let context = try Workspace.reportContext(slug, request, store: store)
            let template = try request.templateFile.map { try TemplateLibrary.parse(URL(fileURLWithPath: $0)) }
            return try TemplateLibrary.builtIn().render(document: context, kind: "report", format: request.format, template: template)
        }
    }

    /// The data the result report's template receives.
    public func reportContext(_ slug: String, _ request: DocumentRequest = DocumentRequest()) async throws -> ReportContext {
        try await run { store in try Workspace.reportContext(slug, request, store: store) }
    }

    static func reportContext(_ slug: String, _ request: DocumentRequest, store: Store) throws -> ReportContext {
        let register = try register(slug, publishedOnly: !request.drafts, store: store)
        return try ReportBuilder.context(
            store: store, register: register, language: request.language(for: register.hearing), drafts: request.drafts)
    }
}

/// How to render a result report or the notices.
public struct DocumentRequest: Sendable {
    public var format: DigestFormat
    /// The language asked for; nil for the hearing's.
    public var language: DocumentLanguage?
    /// The language when neither the request nor the hearing says (a front end gives its user's).
    public var defaultLanguage: DocumentLanguage
    /// Include draft responses.
    public var drafts: Bool
    /// A Mustache template file to render instead of the built-in one.
    public var templateFile: String?

    public init(
        format: DigestFormat = .md, language: DocumentLanguage? = nil, defaultLanguage: DocumentLanguage = .en,
        drafts: Bool = false, templateFile: String? = nil
    ) {
        self.format = format
        self.language = language
        self.defaultLanguage = defaultLanguage
        self.drafts = drafts
        self.templateFile = templateFile
    }

    func language(for hearing: Hearing) -> DocumentLanguage {
        language ?? hearing.language ?? defaultLanguage
    }
}

extension Workspace {
    /// Notices to the hearing's commenters who can be reached: one printable HTML page each,
    /// or CSV rows for a mail merge (UTF-8 with a byte-order mark, formulas defused), with
    /// their opinions and the published responses, in the request's language. Private
    /// documents: they carry names and contact details.
    public func notices(_ slug: String, format: NoticeFormat, _ request: DocumentRequest = DocumentRequest()) async throws -> Notices {
        try await run { store in
            let register = try Workspace.register(slug, publishedOnly: true, store: store)
            let context = ReportBuilder.notices(register: register, language: request.language(for: register.hearing))
            let bytes: [UInt8]
            switch format {
            case .html:
                let template = try request.templateFile.map { try TemplateLibrary.parse(URL(fileURLWithPath: $0)) }
                bytes = Array(try TemplateLibrary.builtIn().render(document: context, kind: "notices", format: .html, template: template).utf8)
            case .csv:
                let text = ([context.mailMergeHeader] + context.mailMergeRows).map { CSVWriter.line($0) }.joined()
                bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
            }
            return Notices(
                bytes: bytes, commenters: context.notices.count,
                opinions: context.notices.reduce(0) { $0 + $1.opinions.count }, unreachable: context.unreachable)
        }
    }
}

/// How notices are written: pages to print, or rows for a mail merge.
public enum NoticeFormat: String, CaseIterable, Sendable {
    case html, csv
}

/// Notices as written, and whom they reach.
public struct Notices: Sendable {
    public var bytes: [UInt8]
    /// Commenters with a notice.
    public var commenters: Int
    /// Opinions in them.
    public var opinions: Int
    /// Commenters who gave no e-mail address or phone number.
    public var unreachable: Int
}

extension Workspace {
    /// One page of the public's opinions (comments and proposals) as a person answering them
    /// sees it: each with its goals and its response. Reads only the page's rows.
    ///
    /// - Parameters:
    ///   - goal: only opinions filed under the goal with this id.
    ///   - search: only opinions that hold every word, best matches first (one page of up to `page.limit`).
    public func opinions(
        of slug: String, goal: String? = nil, search: String? = nil, page: ItemPage.Request = ItemPage.Request(limit: 50)
    ) async throws -> OpinionPage {
        try await run { store in
            let hearingID = try store.hearing(slug: slug).id ?? 0
            if let goal {
                let codes = try store.goals(hearingID: hearingID).map(\.code)
                guard codes.contains(goal) else { throw StoreError.unknownGoal(code: goal, existing: codes) }
            }
            var items: [Item], more = false
            if let search {
                items = try store.search(hearingID: hearingID, query: search, limit: page.limit ?? 50, highlight: ("", ""))
                    .map(\.item).filter { $0.kind != .statement }
            } else {
                let limit = page.limit.map { $0 + 1 }
                items = try store.items(hearingID: hearingID, goal: goal, offset: page.offset, limit: limit, publicOnly: true)
                more = page.limit.map { items.count > $0 } ?? false
                if more { items.removeLast() }
            }
            let ids = items.compactMap(\.id)
            return OpinionPage(
                items: items, goals: try store.tags(itemIDs: ids), responses: try store.responses(itemIDs: ids),
                next: more ? ItemPage.Request(offset: page.offset + items.count, limit: page.limit) : nil)
        }
    }
}

/// A page of opinions with what a person answering them needs beside each.
public struct OpinionPage: Sendable {
    public var items: [Item]
    /// The goals each opinion is filed under, by item id.
    public var goals: [Int64: [Tag]]
    /// The response to each opinion that has one, by item id.
    public var responses: [Int64: Response]
    /// The request for the page after this one; nil on the last page.
    public var next: ItemPage.Request?
}
