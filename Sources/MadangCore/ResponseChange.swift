/// What to set in the responses to one or more opinions: each field that is not nil
/// replaces what a response holds (an empty text clears it); the rest stay as they are,
/// but for the reason, which goes with a change of state unless a new one is given.
/// A new response needs a state.
public struct ResponseChange: Hashable, Sendable {
    /// A state's code or label (미반영, not-accepted, "not accepted").
    public var state: String?
    public var text: String?
    public var reason: String?
    public var action: String?
    public var department: String?
    /// Publish the responses now; otherwise a new one is a draft and a published one stays published.
    public var publish: Bool

    public init(
        state: String? = nil, text: String? = nil, reason: String? = nil, action: String? = nil,
        department: String? = nil, publish: Bool = false
    ) {
        self.state = state
        self.text = text
        self.reason = reason
        self.action = action
        self.department = department
        self.publish = publish
    }
}
