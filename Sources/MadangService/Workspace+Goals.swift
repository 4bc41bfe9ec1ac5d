import Foundation
import MadangCategorizer
import MadangCore
import MadangStore

extension Workspace {
    /// Makes the taxonomy in `file` (YAML, or CSV of goal_id,goal_name,term) the
    /// hearing's and files every item under it, in one transaction: stopped at any
    /// point, the hearing keeps its old goals and tags.
    ///
    /// - Throws: `TaxonomyError` with the file's line and column for a mistake in it;
    ///   nothing changes then.
    public func loadGoals(into slug: String, from file: String) async throws -> GoalsLoad {
        try await runCancellable { store, cancelled in
            let goals = try TaxonomyFile.load(path: file)
            let hearing = try store.hearing(slug: slug)
            let hearingID = hearing.id ?? 0
            // The goals the hearing will have: the file's, and those a person decided on
            // (tagged or untagged), which replaceGoals keeps although the file leaves them out.
            let decisions = try store.decisions(hearingID: hearingID)
            let decided = Set(decisions.values.joined().map(\.goalCode))
            let codes = Set(goals.map(\.code))
            let kept = try store.goals(hearingID: hearingID).filter { !codes.contains($0.code) && decided.contains($0.code) }
            // Loading goals trains nothing: a model is trained when categorize is run.
            let (categorizer, model) = try Workspace.storedCategorizer(store: store, hearingID: hearing.id ?? 0, goals: goals + kept)
            var categorized = 0
            let (update, filing) = try store.replaceGoals(hearingID: hearingID, goals: goals, refile: { items in
                try cancelled.check()
                return categorizer.tags(for: items)
            }) { item, tags in
                if ItemFiling(item: item, proposals: tags, decisions: decisions[item.id ?? 0] ?? []).isFiled { categorized += 1 }
            }
            try store.shareCampaignGoals(hearingID: hearingID)
            let goalCount = goals.filter { $0.parentCode == nil }.count
            return GoalsLoad(
                update: update, goals: goalCount, strategies: goals.count - goalCount,
                filing: CategorizeResult(filing, categorized: categorized, model: model))
        }
    }

    /// The hearing's goals and strategies in the taxonomy's order, each with how many
    /// items are filed under it.
    public func goals(of slug: String) async throws -> [GoalListing] {
        try await run { store in
            let hearingID = try store.hearing(slug: slug).id ?? 0
            let counts = try store.tagCounts(hearingID: hearingID)
            return try store.goals(hearingID: hearingID).map { GoalListing(goal: $0, items: counts[$0.code] ?? 0) }
        }
    }

    /// Files every item of the hearing under its goals: the taxonomy's rules, and a
    /// model learned from people's tags (and from the labelled CSV `training`, if given),
    /// trained only when its examples changed and kept in the database. Only the tags
    /// that changed are written.
    ///
    /// - Parameter onItem: called for each item, in id order, with the machine's tags in
    ///   force and people's decisions on it; on the storing thread.
    /// - Throws: ``ServiceError/noGoals(hearing:)`` when the hearing has no taxonomy;
    ///   ``ServiceError/unknownTrainingLabels(hearing:goals:unknown:)``.
    public func categorize(
        _ slug: String, training: String? = nil,
        onItem: @escaping @Sendable (ItemFiling) -> Void = { _ in }
    ) async throws -> CategorizeResult {
        try await runCancellable { store, cancelled in
            let hearing = try store.hearing(slug: slug)
            let hearingID = hearing.id ?? 0
            let goals = try store.goals(hearingID: hearingID)
            guard !goals.isEmpty else { throw ServiceError.noGoals(hearing: hearing.slug) }
            let extra = try training.map { try LabeledData(path: $0) }
            let decisions = try store.decisions(hearingID: hearingID)
            let (categorizer, model) = try Workspace.categorizer(store: store, hearing: hearing, goals: goals, training: extra)
            var categorized = 0
            let filing = try store.retag(hearingID: hearingID, classify: { items in
                try cancelled.check()
                return categorizer.tags(for: items)
            }) { item, tags in
                let filed = ItemFiling(item: item, proposals: tags, decisions: decisions[item.id ?? 0] ?? [])
                if filed.isFiled { categorized += 1 }
                onItem(filed)
            }
            // A campaign's members are filed as their letter is, unless a person decided otherwise.
            try store.shareCampaignGoals(hearingID: hearingID)
            return CategorizeResult(filing, categorized: categorized, model: model)
        }
    }

    /// What files a hearing's new items as they arrive: its rules and the model trained
    /// before (none is trained here); nil while the hearing has no goals.
    static func filing(store: Store, hearingID: Int64) throws -> (@Sendable ([Item]) throws -> [[Tag]])? {
        let goals = try store.goals(hearingID: hearingID)
        guard !goals.isEmpty else { return nil }
        let (categorizer, _) = try storedCategorizer(store: store, hearingID: hearingID, goals: goals)
        return { items in categorizer.tags(for: items) }
    }

    /// The hearing's rules with the model trained before, if any: what filing does when
    /// it may not train (loading goals, items as they arrive), so it reads no training data.
    private static func storedCategorizer(
        store: Store, hearingID: Int64, goals: [PolicyGoal]
    ) throws -> (Categorizer, CategorizeResult.Model?) {
        guard let stored = try store.model(hearingID: hearingID) else { return (Categorizer(goals: goals), nil) }
        let model = try Categorizer.decode(stored.data)
        return (Categorizer(goals: goals, model: model, modelVersion: stored.version),
                CategorizeResult.Model(version: stored.version, trainingSize: stored.trainingSize, trainedNow: false,
                                       threshold: model.threshold))
    }

    /// The categorizer for a hearing: its rules, and the model trained now, kept from
    /// before, or none, as ``Categorizer/plan(texts:goalCodes:stored:)`` decides.
    private static func categorizer(
        store: Store, hearing: Hearing, goals: [PolicyGoal], training extra: LabeledData?
    ) throws -> (Categorizer, CategorizeResult.Model?) {
        let hearingID = hearing.id ?? 0
        let people = try store.personLabels(hearingID: hearingID)
        var texts = people.map(\.item.text), labels = people.map(\.goalCode)
        if let extra {
            let unknown = Set(extra.labels).subtracting(goals.map(\.code))
            guard unknown.isEmpty else {
                throw ServiceError.unknownTrainingLabels(hearing: hearing.slug, goals: goals.map(\.code), unknown: unknown.sorted())
            }
            texts += extra.texts
            labels += extra.labels
        }
        let previous = try store.model(hearingID: hearingID)
        switch Categorizer.plan(texts: texts, goalCodes: labels, stored: (previous != nil, previous?.trainingDigest)) {
        case .train(let digest):
            var trained = LinearModel(texts: texts, labels: labels)
            trained.threshold = ModelThreshold.crossValidated(texts: texts, labels: labels)
            let version = try store.saveModel(hearingID: hearingID, data: try Categorizer.encode(trained),
                                              trainingSize: trained.trainingSize, trainingDigest: digest)
            return (Categorizer(goals: goals, model: trained, modelVersion: version),
                    CategorizeResult.Model(version: version, trainingSize: trained.trainingSize, trainedNow: true,
                                           threshold: trained.threshold))
        case .useStored:
            return try storedCategorizer(store: store, hearingID: hearing.id ?? 0, goals: goals)
        case .none:
            return (Categorizer(goals: goals), nil)
        }
    }

    /// Measures the hearing's rules on a labelled CSV (text and label columns found by
    /// name, or given): each text is filed under its best goal, or "none".
    public func evaluate(
        _ slug: String, file: String, textColumn: String? = nil, labelColumn: String? = nil
    ) async throws -> EvaluationReport {
        try await run { store in
            let data = try LabeledData(path: file, textColumn: textColumn, labelColumn: labelColumn)
            let hearing = try store.hearing(slug: slug)
            let goals = try store.goals(hearingID: hearing.id ?? 0)
            guard !goals.isEmpty else { throw ServiceError.noGoals(hearing: hearing.slug) }
            let rules = RuleCategorizer(goals: goals)
            let predicted = data.texts.map { rules.categorize($0).first?.goal.code ?? "none" }
            return EvaluationReport(data, Evaluation(truth: data.labels, predicted: predicted), folds: nil)
        }
    }

    /// Measures the learned model on a labelled CSV alone, in `folds` stratified folds;
    /// needs no database, and the labels may be anything.
    public static func crossValidate(
        file: String, textColumn: String? = nil, labelColumn: String? = nil, folds: Int
    ) async throws -> EvaluationReport {
        try await blocking {
            let data = try LabeledData(path: file, textColumn: textColumn, labelColumn: labelColumn)
            return EvaluationReport(data, Evaluation.crossValidate(texts: data.texts, labels: data.labels, folds: folds), folds: folds)
        }
    }
}

extension EvaluationReport {
    init(_ data: LabeledData, _ evaluation: Evaluation, folds: Int?) {
        self.init(
            texts: data.texts.count, textColumn: data.textColumn, labelColumn: data.labelColumn,
            crossValidationFolds: folds, labels: evaluation.labels,
            perLabel: evaluation.perLabel.map {
                LabelScore(label: $0.label, precision: $0.precision, recall: $0.recall, f1: $0.f1, support: $0.support)
            },
            macroF1: evaluation.macroF1, accuracy: evaluation.accuracy, confusion: evaluation.confusion)
    }
}

extension CategorizeResult {
    init(_ filing: Store.Retagging, categorized: Int, model: Model?) {
        self.init(
            items: filing.items, categorized: categorized, ruleTags: filing.stored[.rule] ?? 0,
            modelTags: filing.stored[.model] ?? 0, changed: filing.changed, model: model, taggingSeconds: filing.classifying)
    }
}
