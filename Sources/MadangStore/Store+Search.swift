import GRDB
import MadangCore

extension Store {
    /// Finds a hearing's items whose title or body holds every word of `query`,
    /// best matches first.
    ///
    /// Each word also matches as the start of a longer word (`park` finds
    /// `parking`); Korean words match inside longer words and before particles
    /// (`교통` finds `대중교통` and `교통이`). FTS5 query syntax in `query` is taken
    /// as plain text, so any input is safe to search for.
    ///
    /// - Parameter highlight: the marks put around matched text in the snippet.
    public func search(
        hearingID: Int64, query: String, limit: Int = 20, highlight: (open: String, close: String) = ("[", "]")
    ) throws -> [SearchHit] {
        guard let match = Store.matchExpression(for: query) else { return [] }
        return try read { db in
            let sql = """
                SELECT item.*, participant.name AS speakerName, citizenGroup.name AS groupName,
                       snippet(itemSearch, -1, ?, ?, '…', 24) AS snippet, bm25(itemSearch) AS rank
                FROM itemSearch
                JOIN item ON item.id = itemSearch.rowid
                LEFT JOIN participant ON participant.id = item.speakerId
                LEFT JOIN citizenGroup ON citizenGroup.id = item.groupId
                WHERE itemSearch MATCH ? AND item.hearingId = ? AND item.withdrawnAt IS NULL
                ORDER BY rank, item.id
                LIMIT ?
                """
            return try Row.fetchAll(
                db, sql: sql, arguments: [highlight.open, highlight.close, match, hearingID, limit]
            ).map { row in
                SearchHit(item: Item(row: row), snippet: row["snippet"], rank: row["rank"])
            }
        }
    }

    /// Turns what a person typed into an FTS5 expression: every word is a quoted
    /// string that must appear, as a prefix. A word typed again adds nothing (and would
    /// multiply FTS5's work), and a word that is the start of another is implied by it;
    /// at most 32 words are used. Returns nil when nothing is searchable.
    static func matchExpression(for query: String) -> String? {
        var words: [Substring] = []
        for word in Text.normalized(query).lowercased().split(whereSeparator: \.isWhitespace)
        where !words.contains(word) && !SearchTokenizer.tokens(in: String(word)).isEmpty {
            words.append(word)
        }
        words = words.filter { word in !words.contains { $0 != word && $0.hasPrefix(word) } }
        words = Array(words.prefix(32))
        guard !words.isEmpty else { return nil }
        return words.map { word in
            "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\" *"
        }.joined(separator: " ")
    }
}
