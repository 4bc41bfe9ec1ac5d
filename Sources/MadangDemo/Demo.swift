import Foundation
import MadangCategorizer
import MadangCore
import MadangDigest
import MadangStore

/// `madang demo`: puts the sample hearings into a store and writes the featured
/// hearing's digest.
public enum Demo {
    /// What the demo made.
    public struct Result: Sendable {
        /// The sample hearings' slugs, in the order they were built.
        public var slugs: [String]
        /// How many items each sample hearing holds, by slug.
        public var itemCounts: [String: Int]
        /// The documents written: the digest in Markdown, HTML and plain text, the Korean
        /// digest, and the Korean result report.
        public var digests: [URL]
    }

    /// Rebuilds every sample hearing (deleting an earlier copy first), files the
    /// opinions of those with a taxonomy under its goals, groups their campaigns with
    /// `groupCampaigns` (given a hearing's id), answers the featured hearing's
    /// comments, then renders its digest into `outputDirectory` in every built-in format,
    /// its Korean digest and its Korean result report.
    public static func run(
        store: Store, templates: TemplateLibrary, outputDirectory: URL, groupCampaigns: (Int64) throws -> Void = { _ in }
    ) throws -> Result {
        var counts: [String: Int] = [:]
        for demo in DemoData.hearings {
            counts[demo.hearing.slug] = try build(demo, in: store)
            try groupCampaigns(try store.hearing(slug: demo.hearing.slug).id ?? 0)
        }
        try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        let featured = try store.hearing(slug: DemoData.featuredSlug)
        let comments = try store.items(hearingID: featured.id ?? 0, kind: .comment).compactMap(\.id)
        var answers = DemoData.featuredAnswers.filter { $0.comment < comments.count }.map { (comments[$0.comment], $0.change) }
        for index in answers.indices { answers[index].1.publish = true }
        _ = try store.respond(hearingID: featured.id ?? 0, changes: answers.map { (itemID: $0.0, change: $0.1) })

        let context = try DigestBuilder.context(store: store, slug: DemoData.featuredSlug)
        var digests: [URL] = []
        func write(_ text: String, _ name: String) throws {
            let file = outputDirectory.appendingPathComponent(name)
            try text.write(to: file, atomically: true, encoding: .utf8)
            digests.append(file)
        }
        for format in DigestFormat.allCases {
            try write(try templates.render(context, format: format), "\(DemoData.featuredSlug).\(format.rawValue)")
        }
        let korean = try DigestBuilder.context(store: store, slug: DemoData.featuredSlug, options: DigestOptions(language: .ko))
        try write(try templates.render(korean, format: .html), "\(DemoData.featuredSlug).ko.html")
        let report = try ReportBuilder.context(
            store: store, register: try store.responseRegister(hearingID: featured.id ?? 0, publishedOnly: true),
            language: .ko, drafts: false)
        try write(try templates.render(document: report, kind: "report", format: .html), "\(DemoData.featuredSlug).report.ko.html")
        return Result(slugs: DemoData.hearings.map(\.hearing.slug), itemCounts: counts, digests: digests)
    }

    /// Builds one sample hearing and returns how many items it holds.
    private static func build(_ demo: DemoHearing, in store: Store) throws -> Int {
        try store.deleteHearing(slug: demo.hearing.slug)
        let hearing = try store.addHearing(demo.hearing)
        guard let id = hearing.id else { return 0 }
        var speakerIDs: [Int64] = []
        for speaker in demo.panel {
            let participant = try store.addParticipant(
                hearingID: id, name: speaker.name, affiliation: speaker.affiliation, role: speaker.role)
            speakerIDs.append(participant.id ?? 0)
        }
        // Received a minute apart from the start, so the record reads in order.
        let start = hearing.startsAt.flatMap(date(of:)) ?? Date(timeIntervalSince1970: 1_704_430_800)
        var minute = 0.0
        func next() -> Date {
            minute += 1
            return start.addingTimeInterval(minute * 60)
        }
        var items: [Item] = demo.remarks.map {
            .statement(hearingID: id, speakerID: speakerIDs[$0.speaker], body: $0.text, receivedAt: next())
        }
        items += demo.comments.map {
            .comment(hearingID: id, body: $0.text, channel: $0.channel, receivedAt: next())
        }
        items += demo.proposals.map {
            .proposal(hearingID: id, group: $0.group, title: $0.title, body: $0.text, supporters: $0.supporters, receivedAt: next())
        }
        let count = try store.addItems(items).count
        if !demo.goals.isEmpty {
            _ = try store.replaceGoals(hearingID: id, goals: demo.goals)
            let categorizer = Categorizer(goals: demo.goals)
            try store.retag(hearingID: id, classify: categorizer.tags(for:))
        }
        return count
    }

    private static func date(of local: LocalDateTime) -> Date? {
        var components = DateComponents()
        (components.year, components.month, components.day) = (local.year, local.month, local.day)
        (components.hour, components.minute) = (local.hour ?? 9, local.minute ?? 0)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Seoul") ?? .gmt
        return calendar.date(from: components)
    }
}
