import Testing
import MadangCore
@testable import MadangDigest

@Suite("Text tables")
struct TextTableTests {
    @Test("Hangul counts two cells, so columns line up")
    func wideCharacters() {
        #expect(TextTable.displayWidth("김갑성") == 6)
        #expect(TextTable.displayWidth("Kim") == 3)
        #expect(TextTable.displayWidth("e\u{301}") == 1)
        var table = TextTable(header: ["NAME", "ROLE"])
        table.append(["김갑성", "chair"])
        table.append(["Nam", "panelist"])
        let lines = table.rendered().split(separator: "\n").map(String.init)
        #expect(lines == ["NAME    ROLE", "김갑성  chair", "Nam     panelist"])
    }

    @Test("Long cells are cut with an ellipsis within the width, and line breaks fold")
    func truncation() {
        #expect(TextTable.truncate("데이터허브를", to: 7) == "데이터…")
        #expect(TextTable.displayWidth(TextTable.truncate(String(repeating: "가", count: 50), to: 9)) <= 9)
        var table = TextTable(header: ["A"], maximumCellWidth: 10)
        table.append(["line one\nline two"])
        #expect(table.rendered() == "A\nline one …")
    }
}
