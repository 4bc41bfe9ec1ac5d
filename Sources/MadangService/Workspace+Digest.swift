import Foundation
import MadangCore
import MadangDemo
import MadangDigest

extension Workspace {
    /// The hearing's digest, rendered from the built-in template of `request.format` or
    /// from the request's own template file.
    ///
    /// - Throws: `TemplateError` for a template that cannot be read, with `file:line:column`.
    public func digest(_ slug: String, _ request: DigestRequest = DigestRequest()) async throws -> String {
        try await run { store in
            let library = try TemplateLibrary.builtIn()
            let template = try request.templateFile.map { try TemplateLibrary.parse(URL(fileURLWithPath: $0)) }
            var options = request.options
            let hearing = try store.hearing(slug: slug)
            options.language = request.language ?? hearing.language ?? request.defaultLanguage
            let context = try DigestBuilder.context(store: store, slug: slug, options: options)
            return try library.render(context, format: request.format, template: template)
        }
    }

    /// Whether the hearing's filing is current: its learned model, if any, and how many
    /// decisions people made after it was trained (which `categorize` would learn from).
    public func filingState(_ slug: String) async throws -> FilingState {
        try await run { store in
            let hearingID = try store.hearing(slug: slug).id ?? 0
            let goals = try store.goals(hearingID: hearingID).count
            guard let model = try store.model(hearingID: hearingID) else {
                return FilingState(goals: goals, modelVersion: nil, modelTrainedAt: nil, decisionsSinceModel: 0)
            }
            return FilingState(
                goals: goals, modelVersion: model.version, modelTrainedAt: model.trainedAt,
                decisionsSinceModel: try store.personDecisions(hearingID: hearingID, after: model.trainedAt))
        }
    }

    /// The data a digest template receives for the hearing.
    public func digestContext(_ slug: String, _ request: DigestRequest = DigestRequest()) async throws -> DigestContext {
        try await run { store in
            var options = request.options
            let hearing = try store.hearing(slug: slug)
            options.language = request.language ?? hearing.language ?? request.defaultLanguage
            return try DigestBuilder.context(store: store, slug: slug, options: options)
        }
    }

    /// Rebuilds the sample hearings (leaving every other hearing alone) and writes the
    /// featured one's digest into `outputDirectory` in every format.
    public func runDemo(writingTo outputDirectory: URL) async throws -> DemoResult {
        try await run { store in
            let result = try Demo.run(store: store, templates: try TemplateLibrary.builtIn(), outputDirectory: outputDirectory) {
                try Workspace.regroup(hearingID: $0, store: store)
            }
            return DemoResult(
                hearings: result.slugs.map { DemoResult.Hearing(slug: $0, items: result.itemCounts[$0] ?? 0) },
                digests: result.digests)
        }
    }
}

/// How to render a digest.
public struct DigestRequest: Sendable {
    public var format: DigestFormat
    /// A Mustache template file to render instead of the built-in one; the built-in
    /// partials are available to it.
    public var templateFile: String?
    /// How citizens are named.
    public var citizens: CitizenStyle
    /// The language asked for; nil for the hearing's.
    public var language: DocumentLanguage?
    /// The language when neither the request nor the hearing says.
    public var defaultLanguage: DocumentLanguage

    public init(
        format: DigestFormat = .md, templateFile: String? = nil, citizens: CitizenStyle = .numbers,
        language: DocumentLanguage? = nil, defaultLanguage: DocumentLanguage = .en
    ) {
        self.format = format
        self.templateFile = templateFile
        self.citizens = citizens
        self.language = language
        self.defaultLanguage = defaultLanguage
    }

    var options: DigestOptions { DigestOptions(citizens: citizens) }
}

/// What the demo built.
public struct DemoResult: Sendable {
    /// A sample hearing and how many items it holds.
    public struct Hearing: Sendable {
        public var slug: String
        public var items: Int
    }

    /// The sample hearings, in the order they were built.
    public var hearings: [Hearing]
    /// The digest files written: Markdown, HTML and plain text.
    public var digests: [URL]
}

/// How current a hearing's filing is. Items are filed as they arrive, by the rules and
/// the model as stored; the model learns people's decisions only when categorizing runs.
public struct FilingState: Hashable, Sendable {
    /// How many goals the hearing has.
    public var goals: Int
    public var modelVersion: Int?
    public var modelTrainedAt: Date?
    /// People's tags and untags made after the model was trained.
    public var decisionsSinceModel: Int
}
