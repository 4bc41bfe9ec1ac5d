/// What loading a taxonomy changed.
public struct GoalsUpdate: Hashable, Codable, Sendable {
    public var added: [String] = []
    public var changed: [String] = []
    public var removed: [String] = []
    /// Goals no longer in the file that stay, because people filed items under them.
    public var kept: [String] = []

    public init(added: [String] = [], changed: [String] = [], removed: [String] = [], kept: [String] = []) {
        self.added = added
        self.changed = changed
        self.removed = removed
        self.kept = kept
    }
}
