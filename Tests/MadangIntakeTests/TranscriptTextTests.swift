import Testing
import MadangCore
@testable import MadangIntake

@Suite("Transcript text")
struct TranscriptTextTests {
    @Test("LF and CRLF lines, a leading byte-order mark dropped, no empty last line")
    func lines() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("1: 안녕하세요\r\n2: hi\n\n3: end\n".utf8)
        #expect(try TranscriptText.lines(bytes, source: "t") == ["1: 안녕하세요", "2: hi", "", "3: end"])
        #expect(try TranscriptText.lines(Array("no newline".utf8), source: "t") == ["no newline"])
        #expect(try TranscriptText.lines([], source: "t") == [])
    }

    @Test("A CP949 line is refused with its line and byte offset")
    func notUTF8() {
        // "1: ok\n2: " then 교통 in CP949 (B1 B3 C5 EB).
        let bytes = Array("1: ok\n2: ".utf8) + [0xB1, 0xB3, 0xC5, 0xEB]
        #expect(throws: TranscriptError.notUTF8(source: "t.txt", line: 2, byteOffset: 9)) {
            try TranscriptText.lines(bytes, source: "t.txt")
        }
    }
}
