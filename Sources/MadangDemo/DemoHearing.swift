import MadangCore

/// A sample hearing, as the organizer would have entered it: the facts, the panel
/// in order with what each person said, and the public's comments and proposals.
struct DemoHearing: Sendable {
    struct Speaker: Sendable {
        var name: String
        var affiliation: String
        var role: ParticipantRole
    }

    struct Remark: Sendable {
        /// Index into ``DemoHearing/panel``.
        var speaker: Int
        var text: String
    }

    struct Comment: Sendable {
        var text: String
        var channel: Channel
    }

    struct Proposal: Sendable {
        var group: String
        var title: String
        var text: String
        var supporters: Int
    }

    var hearing: Hearing
    var panel: [Speaker] = []
    var remarks: [Remark] = []
    var comments: [Comment] = []
    var proposals: [Proposal] = []
    /// The taxonomy the demo loads and categorizes with; none for a hearing without one.
    var goals: [PolicyGoal] = []
}
