import MadangCategorizer
import MadangCore

/// What loading a taxonomy did: the goals it changed, and the filing that followed.
public struct GoalsLoad: Sendable {
    public var update: GoalsUpdate
    /// How many goals and strategies the taxonomy holds.
    public var goals: Int
    public var strategies: Int
    /// How the hearing's items were filed under the new taxonomy.
    public var filing: CategorizeResult
}

/// A goal of a hearing's taxonomy, with how many items are filed under it.
public struct GoalListing: Hashable, Codable, Sendable {
    public var goal: PolicyGoal
    public var items: Int
}

/// One item as categorizing filed it: the machine's tags in force, and people's decisions.
public struct ItemFiling: Sendable {
    public var item: Item
    /// The rule and model tags proposed now for goals no person decided on.
    public var tags: [Tag]
    /// People's decisions on the item, which stand whatever the machine proposes.
    public var decisions: [Decision]

    /// True when the item is under at least one goal: the machine's, or a person's.
    public var isFiled: Bool { !tags.isEmpty || decisions.contains(where: \.tagged) }

    /// The filing of `item`: the machine's `proposals` less those for goals a person decided on.
    init(item: Item, proposals: [Tag], decisions: [Decision]) {
        self.item = item
        self.decisions = decisions
        tags = proposals.filter { tag in !decisions.contains { $0.goalCode == tag.goalCode } }
    }
}

/// What categorizing a hearing did.
public struct CategorizeResult: Sendable {
    /// The model that filled gaps the rules left.
    public struct Model: Sendable {
        public var version: Int
        /// How many labelled texts it learned from.
        public var trainingSize: Int
        /// True when it was trained in this run, false when kept from an earlier one.
        public var trainedNow: Bool
        /// How cross-validation set its threshold; nil for a model stored before
        /// thresholds were chosen (it files at any positive score).
        public var threshold: Threshold?

        /// The score the model's best goal must reach to file an item, chosen by
        /// cross-validation on what it learned from.
        public struct Threshold: Hashable, Sendable {
            /// Nil when no score gave the precision asked for: the model files nothing.
            public var score: Float?
            /// The held-out precision at that score (the best seen, when there is no score).
            public var precision: Double
            /// The share of held-out examples scored that high.
            public var coverage: Double
            /// The precision asked for.
            public var target: Double
        }

        init(version: Int, trainingSize: Int, trainedNow: Bool, threshold: ModelThreshold?) {
            self.version = version
            self.trainingSize = trainingSize
            self.trainedNow = trainedNow
            self.threshold = threshold.map {
                Threshold(score: $0.score, precision: $0.precision, coverage: $0.coverage, target: $0.target)
            }
        }
    }

    /// Items read.
    public var items: Int
    /// Items filed under at least one goal, by the machine or by a person.
    public var categorized: Int
    public var ruleTags: Int
    public var modelTags: Int
    /// Tag rows written (new, changed or taken off); the others stood as proposed.
    public var changed: Int
    /// The model used; nil when there is none yet.
    public var model: Model?
    /// Seconds spent tagging (the categorizer itself), apart from reading and storing.
    public var taggingSeconds: Double

    /// How many items people must have filed, under two goals or more, before a model is trained.
    public static var trainingThreshold: Int { Categorizer.minimumTrainingSize }
}

/// Precision, recall and F1 per label, macro-F1, accuracy and the confusion matrix of
/// a categorizer on a labelled file.
public struct EvaluationReport: Sendable {
    public struct LabelScore: Sendable {
        public var label: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        /// How many texts carry the label.
        public var support: Int
    }

    /// How many labelled texts were read.
    public var texts: Int
    public var textColumn: String
    public var labelColumn: String
    /// The folds of a cross-validation of the learned model; nil when the hearing's rules were measured.
    public var crossValidationFolds: Int?
    /// Every label, in the order of ``perLabel`` and of the confusion matrix.
    public var labels: [String]
    public var perLabel: [LabelScore]
    public var macroF1: Double
    public var accuracy: Double
    /// Rows: true label; columns: predicted label.
    public var confusion: [[Int]]
}
