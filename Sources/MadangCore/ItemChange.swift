/// A correction to a stored item: each field that is not nil replaces the stored one.
///
/// An empty text clears an optional field (`title: ""` removes a comment's subject line);
/// the opinion's own text can be changed but never emptied.
public struct ItemChange: Hashable, Sendable {
    public var body: String?
    public var title: String?
    /// For a statement: who said it, as a label the panel resolves (number or name).
    public var speaker: String?
    public var author: String?
    public var group: String?
    /// For a proposal: how many people support it; a negative number clears it.
    public var supporters: Int?

    public init(
        body: String? = nil, title: String? = nil, speaker: String? = nil, author: String? = nil,
        group: String? = nil, supporters: Int? = nil
    ) {
        self.body = body
        self.title = title
        self.speaker = speaker
        self.author = author
        self.group = group
        self.supporters = supporters
    }

    /// True when nothing would change.
    public var isEmpty: Bool {
        body == nil && title == nil && speaker == nil && author == nil && group == nil && supporters == nil
    }
}
