import Foundation
import MadangCore
import MadangIntake

/// The categorizer a hearing uses: its taxonomy's rules, and, once people have
/// tagged enough items, a model learned from their decisions.
///
/// For each text the rules give their goals; the model adds its best goal when it
/// is on that goal's side of the boundary (a positive score) and the rules did not
/// already give it. A person's decision is not made here: the store keeps it above both.
public struct Categorizer: Sendable {
    /// One goal for a text, and who proposes it.
    public struct Proposal: Sendable {
        public var goalCode: String
        public var source: TagSource
        public var score: Double
        /// The matched terms for a rule; the model's version for the model.
        public var evidence: [String]
    }

    public let rules: RuleCategorizer
    public let model: LinearModel?
    /// The model's version, as stored.
    public let modelVersion: Int?

    public init(goals: [PolicyGoal], model: LinearModel? = nil, modelVersion: Int? = nil) {
        rules = RuleCategorizer(goals: goals)
        self.model = model
        self.modelVersion = modelVersion
    }

    /// At least this many labelled examples, under at least two goals, before a model is trained.
    public static let minimumTrainingSize = 6

    /// The goals proposed for `text`, rules first.
    public func proposals(for text: String) -> [Proposal] {
        proposals(forParts: [text], text: { text })
    }

    /// The proposals for a text in parts (a title and a body); `text` gives them joined,
    /// for the model, only when there is one.
    private func proposals(forParts parts: [String], text: () -> String) -> [Proposal] {
        var proposals: [Proposal] = []
        var scoring = RuleCategorizer.Scoring()
        rules.score(parts: parts, into: &scoring)
        propose(scored: scoring, text: text) { proposals.append($0) }
        return proposals
    }

    /// Calls `body` with each proposal for a text the rules have scored into `scoring`,
    /// rules first.
    @inline(__always)
    private func propose(scored scoring: RuleCategorizer.Scoring, text: () -> String, _ body: (Proposal) -> Void) {
        // Loops, not closures over `self`: a closure here copied the rules for every text.
        let (folded, hits) = (scoring.text, scoring.hits)
        for found in scoring.goals {
            var evidence: [String] = []
            evidence.reserveCapacity(scoring.countedCount(for: found.goal))
            scoring.forEachCounted(for: found.goal) { evidence.append(rules.describe(hits[$0], in: folded)) }
            body(Proposal(goalCode: rules.goals[found.goal].code, source: .rule, score: found.score, evidence: evidence))
        }
        // The model only fills gaps: it speaks where the rules found no goal, and only
        // above the score its cross-validation chose.
        if scoring.goals.isEmpty, let model, model.threshold?.score != nil || model.threshold == nil,
           let best = model.scores(text()).first, model.files(at: best.score),
           rules.goals.contains(where: { $0.code == best.label }) {
            body(Proposal(goalCode: best.label, source: .model, score: Double(best.score),
                          evidence: ["model v\(modelVersion ?? 0), score \(String(format: "%.2f", best.score))"]))
        }
    }

    /// The tags to store for `item`: its ``proposals(for:)`` over ``Item/text``.
    public func tags(for item: Item) -> [Tag] {
        tags(for: [item])[0]
    }

    /// The tags to store for each of `items`, in order: for many items, faster than one
    /// at a time, as the working memory serves them all.
    public func tags(for items: [Item]) -> [[Tag]] {
        var scoring = RuleCategorizer.Scoring()
        var all: [[Tag]] = []
        all.reserveCapacity(items.count)
        let now = Date()
        // By index: `for item in items` copied every item (a dozen fields) on the way.
        for index in items.indices {
            let itemID = items[index].id ?? 0
            rules.score(parts: items[index].textParts, into: &scoring)
            var tags: [Tag] = []
            tags.reserveCapacity(scoring.goals.count + (model == nil ? 0 : 1))
            propose(scored: scoring, text: { items[index].text }) { proposal in
                tags.append(Tag(itemID: itemID, goalCode: proposal.goalCode, source: proposal.source, score: proposal.score,
                                evidence: proposal.evidence, taggedAt: now))
            }
            all.append(tags)
        }
        return all
    }

    /// What a categorizing run does about the model.
    public enum ModelPlan: Equatable, Sendable {
        /// Train a new model on this run's examples, whose digest this is.
        case train(digest: String)
        /// Use the stored model: the examples are the same as last time, or too few now.
        case useStored
        /// No model: too few examples and none stored.
        case none
    }

    /// Decides whether to train: only when the examples differ from those the stored
    /// model learned from (by digest) and there are enough of them.
    public static func plan(texts: [String], goalCodes: [String], stored: (exists: Bool, digest: String?)) -> ModelPlan {
        let digest = trainingDigest(texts: texts, goalCodes: goalCodes)
        let enough = texts.count >= minimumTrainingSize && Set(goalCodes).count >= 2
        if enough, stored.digest != digest { return .train(digest: digest) }
        return stored.exists ? .useStored : .none
    }

    /// A digest of a training set, independent of the examples' order: a model needs
    /// training again only when it changes.
    public static func trainingDigest(texts: [String], goalCodes: [String]) -> String {
        let lines = zip(goalCodes, texts).map { "\($0)\u{1F}\($1)" }.sorted()
        return SHA256.hash(Array(lines.joined(separator: "\u{1E}").utf8)).hex
    }

    /// The model as bytes for the store, and back.
    public static func encode(_ model: LinearModel) throws -> Data { try JSONEncoder().encode(model) }
    public static func decode(_ data: Data) throws -> LinearModel { try JSONDecoder().decode(LinearModel.self, from: data) }
}
