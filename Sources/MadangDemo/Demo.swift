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
        /// The digest files written: Markdown, HTML and plain text.
        public var digests: [URL]
    }

    /// Rebuilds every sample hearing (deleting an earlier copy first), files the
    /// opinions of those with a taxonomy under its goals, then renders the featured
    /// hearing's digest into `outputDirectory` in every built-in format.
    public static func run(store: Store, templates: TemplateLibrary, outputDirectory: URL) throws -> Result {
        var counts: [String: Int] = [:]
        for demo in DemoData.hearings {
            counts[demo.hearing.slug] = try build(demo, in: store)
        }
        try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        let context = try DigestBuilder.context(store: store, slug: DemoData.featuredSlug)
        var digests: [URL] = []
        for format in DigestFormat.allCases {
            let file = outputDirectory.appendingPathComponent("\(DemoData.featuredSlug).\(format.rawValue)")
            try templates.render(context, format: format).write(to: file, atomically: true, encoding: .utf8)
            digests.append(file)
        }
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
