import Testing
@testable import MadangCore

@Suite("Search tokenizer")
struct SearchTokenizerTests {
    func texts(_ text: String) -> [String] { SearchTokenizer.tokens(in: text).map(\.text) }

    @Test("Hangul runs become overlapping bigrams")
    func hangulBigrams() {
        #expect(texts("대중교통") == ["대중", "중교", "교통"])
        #expect(texts("교통이 불편") == ["교통", "통이", "불편"])
    }

    @Test("A single Hangul syllable is one token")
    func singleSyllable() {
        #expect(texts("그 길") == ["그", "길"])
    }

    @Test("Latin words are lowercased; punctuation separates")
    func latinWords() {
        #expect(texts("Data-Hub, AI's CITY!") == ["data", "hub", "ai", "s", "city"])
        #expect(texts("Ölçüm ÉTÉ") == ["ölçüm", "été"])
    }

    @Test("Mixed scripts split where the script changes")
    func mixedScripts() {
        #expect(texts("AI기술 5천명") == ["ai", "기술", "5", "천명"])
    }

    @Test("Full-width letters and digits read as ASCII")
    func fullWidth() {
        #expect(texts("ＡＢＣ１２") == ["abc12"])
    }

    @Test("Offsets are UTF-8 byte ranges of the original text")
    func offsets() {
        let text = "a 교통이"
        let tokens = SearchTokenizer.tokens(in: text)
        let bytes = Array(text.utf8)
        for token in tokens {
            let original = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
            #expect(original.lowercased() == token.text)
        }
        #expect(tokens.map(\.start) == [0, 2, 5])
        #expect(tokens.map(\.end) == [1, 8, 11])
    }

    @Test("Invalid UTF-8 separates tokens instead of failing")
    func invalidBytes() {
        var collected: [String] = []
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xE1, 0x80]
        bytes.withUnsafeBufferPointer { buffer in
            SearchTokenizer.tokenize(buffer) { token, _, _ in
                collected.append(String(decoding: token, as: UTF8.self))
                return true
            }
        }
        #expect(collected == ["a", "b"])
    }

    @Test("Returning false from emit stops tokenizing")
    func stopsEarly() {
        var count = 0
        Array("one two three".utf8).withUnsafeBufferPointer { buffer in
            SearchTokenizer.tokenize(buffer) { _, _, _ in
                count += 1
                return false
            }
        }
        #expect(count == 1)
    }
}
