import Foundation
import MadangCore
import Testing
import ZIPFoundation
@testable import MadangIntake

@Suite("XLSX: the response register's way to and from Excel")
struct XLSXTests {
    @Test("What the writer writes, the reader reads back: Korean, line breaks, markup, formulas as text")
    func roundTrip() throws {
        let rows = [
            ["마당 답변 등록부", "plan-4"],
            ["번호", "의견", "처리 결과"],
            ["1", "데이터허브를\n개방해 주세요 & <지금> \"바로\"", "=SUM(A1:A9)"],
            ["2", "", "@mention -1 +1"],
        ]
        let data = try XLSXWriter.workbook(sheet: "답변 등록부", rows: rows, headerRows: 2, widths: [7, 60, 11])
        let read = try XLSXReader.rows(of: data)
        #expect(read.map(\.number) == [1, 2, 3, 4])
        #expect(read.map(\.cells) == rows)
    }

    @Test("A workbook as spreadsheet programs save it: shared strings with runs, numbers, cached and uncached formulas, gaps")
    func sharedStrings() throws {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        try add("xl/workbook.xml", """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="7" r:id="rId3"/></sheets></workbook>
            """)
        try add("xl/_rels/workbook.xml.rels", """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="x" Target="worksheets/data.xml"/></Relationships>
            """)
        try add("xl/sharedStrings.xml", """
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">\
            <si><t>번호</t></si><si><r><t>반</t></r><r><rPr><b/></rPr><t>영</t></r><rPh><t>バン</t></rPh></si><si><t xml:space="preserve"> 띄어 쓴 </t></si></sst>
            """)
        try add("xl/worksheets/data.xml", """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>\
            <row r="3"><c r="A3"><v>12</v></c><c r="B3" t="str"><f>A3*2</f><v>24</v></c><c r="C3"><f>HYPERLINK("x")</f></c>\
            <c r="D3" t="b"><v>1</v></c><c r="E3" t="s"><v>2</v></c></row></sheetData></worksheet>
            """)
        let rows = try XLSXReader.rows(of: try #require(archive.data))
        #expect(rows.map(\.number) == [1, 3])
        #expect(rows[0].cells == ["번호", "", "반영"])
        #expect(rows[1].cells == ["12", "24", "=HYPERLINK(\"x\")", "TRUE", " 띄어 쓴 "])
    }

    @Test("Bytes that are not a workbook are refused with a reason")
    func notAWorkbook() {
        #expect(throws: XLSXError.self) { try XLSXReader.rows(of: Data("name,opinion\n".utf8)) }
        #expect(throws: XLSXError.self) { try XLSXReader.rows(of: Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0])) }
    }
}
