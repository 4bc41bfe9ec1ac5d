

/// An item that matches a search, with the passage that matched.
public struct SearchHit: Hashable, Codable, Sendable {
    public var item: Item
    /// A short passage around the match, with each matched part between the
    /// highlight marks the search was given.
    public var snippet: String
    /// FTS5's BM25 score: lower is a better match.
    public var rank: Double

    public init(item: Item, snippet: String, rank: Double) {
        self.item = item
        self.snippet = snippet
        self.rank = rank
    }
}
