import GRDB
import MadangCore

/// The FTS5 tokenizer `madang`: ``SearchTokenizer`` made available to SQLite,
/// so the index and queries split Korean into bigrams and English into words.
///
/// Every connection registers it before touching the search table (see ``Store``).
final class SearchIndexTokenizer: FTS5CustomTokenizer {
    static let name = "madang"

    init(db: Database, arguments: [String]) throws {}

    func tokenize(
        context: UnsafeMutableRawPointer?,
        tokenization: FTS5Tokenization,
        pText: UnsafePointer<CChar>?,
        nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard let pText, nText > 0 else { return 0 }
        let bytes = UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self)
        var code: CInt = 0 // SQLITE_OK
        SearchTokenizer.tokenize(UnsafeBufferPointer(start: bytes, count: Int(nText))) { token, start, end in
            let pointer = UnsafeRawPointer(token.baseAddress!).assumingMemoryBound(to: CChar.self)
            code = tokenCallback(context, 0, pointer, CInt(token.count), CInt(start), CInt(end))
            return code == 0
        }
        return code
    }
}
