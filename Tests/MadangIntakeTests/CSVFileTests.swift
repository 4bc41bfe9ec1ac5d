import Foundation
import Testing
import MadangCore
@testable import MadangIntake

@Suite("CSV files: encodings, dialects, errors")
final class CSVFileTests {
    let folder: URL

    init() throws {
        folder = try TemporaryFolder.make("madang-csv")
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ bytes: [UInt8], _ name: String = "f.csv") throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func records(_ file: CSVFile) throws -> [[String]] {
        var out: [[String]] = []
        try file.read { out.append($0.fields) }
        return out
    }

    /// 제목,내용 / 교통,버스가 부족합니다 in CP949, as Korean Excel saves it (CRLF).
    static let cp949: [UInt8] = [
        0xC1, 0xA6, 0xB8, 0xF1, 0x2C, 0xB3, 0xBB, 0xBF, 0xEB, 0x0D, 0x0A,
        0xB1, 0xB3, 0xC5, 0xEB, 0x2C, 0xB9, 0xF6, 0xBD, 0xBA, 0xB0, 0xA1, 0x20,
        0xBA, 0xCE, 0xC1, 0xB7, 0xC7, 0xD5, 0xB4, 0xCF, 0xB4, 0xD9, 0x0D, 0x0A,
    ]

    @Test("CP949 from Korean Excel is detected and decoded")
    func cp949() throws {
        let file = try CSVFile(path: write(CSVFileTests.cp949))
        #expect(file.encoding == .cp949)
        #expect(file.encodingDetected)
        #expect(try records(file) == [["제목", "내용"], ["교통", "버스가 부족합니다"]])
    }

    @Test("UTF-16 with a byte-order mark, both byte orders")
    func utf16() throws {
        let text = "제목\t내용\r\n교통\t\"줄\n바꿈\"\r\n"
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for (bytes, encoding) in [(little, TextEncoding.utf16LittleEndian), (big, .utf16BigEndian)] {
            let file = try CSVFile(path: write(bytes))
            #expect(file.encoding == encoding)
            #expect(file.dialect.delimiter == 0x09)
            #expect(try records(file) == [["제목", "내용"], ["교통", "줄\n바꿈"]])
        }
    }

    @Test("A UTF-8 byte-order mark is dropped; semicolons are detected")
    func bomAndSemicolon() throws {
        let file = try CSVFile(path: write([0xEF, 0xBB, 0xBF] + Array("title;body\n\"a;b\";c\nd;e\n".utf8)))
        #expect(file.encoding == .utf8)
        #expect(file.dialect.delimiterName == "semicolon")
        #expect(try records(file) == [["title", "body"], ["a;b", "c"], ["d", "e"]])
    }

    @Test("A file that is only a byte-order mark, or empty, has no header; nothing crashes", arguments: [
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [], [0xEF, 0xBB],
    ] as [[UInt8]])
    func onlyAMark(_ bytes: [UInt8]) throws {
        let path = try write(bytes)
        do {
            let header = try ImportRun.header(of: try CSVFile(path: path))
            Issue.record("a header was found: \(header)")
        } catch is ImportError {
            // "holds no header row"
        } catch is CSVError {
            // a cut-off character, named with its line
        }
    }

    @Test("Encodings fail where the fault is: a CP949 file with one bad byte, a UTF-8 file with one CP949 line")
    func faultsWhereTheyAre() throws {
        // Korean Excel's file with a byte no encoding maps, on line 3: CP949 still, and that line named.
        let path = try write(CSVFileTests.cp949 + [0xB1, 0xB3, 0x2C, 0xFF, 0x0D, 0x0A], "bad-cp949.csv")
        #expect(throws: CSVError.invalidByte(line: 3, byteOffset: 38, encoding: "cp949")) { try records(CSVFile(path: path)) }
        // A UTF-8 export with one line pasted from a CP949 file: UTF-8, and the pasted line named.
        var bytes = Array("제목,내용\n교통,버스를 늘려 주세요\n데이터,허브를 열어 주세요\n".utf8)
        bytes += [0xB1, 0xB3, 0xC5, 0xEB, 0x2C, 0xB9, 0xF6, 0xBD, 0xBA, 0x0A] + Array("공원,나무를 심어 주세요\n".utf8)
        let mixed = try write(bytes, "mixed.csv")
        #expect(throws: CSVError.invalidByte(line: 4, byteOffset: 85, encoding: "utf-8")) { try records(CSVFile(path: mixed)) }
    }

    @Test("A pipe-separated file is detected like the others")
    func pipes() throws {
        let file = try CSVFile(path: try write(Array("title|body\nBuses|\"More, please\"\nData|Open it\n".utf8)))
        #expect(file.dialect.delimiterName == "pipe" && file.delimiterDetected)
        #expect(try records(file) == [["title", "body"], ["Buses", "More, please"], ["Data", "Open it"]])
    }

    @Test("An invalid UTF-8 byte is an error naming its line and offset")
    func invalidUTF8() throws {
        let path = try write(Array("a,b\nc,d\ne,".utf8) + [0xFF] + Array("f\n".utf8))
        #expect(throws: CSVError.invalidByte(line: 3, byteOffset: 10, encoding: "utf-8")) {
            try records(CSVFile(path: path, encoding: .forced(.utf8)))
        }
        // Found while streaming too, when the delimiter is given and the sample is not decoded first.
        #expect(throws: CSVError.invalidByte(line: 3, byteOffset: 10, encoding: "utf-8")) {
            try records(CSVFile(path: path, encoding: .forced(.utf8), delimiter: 0x2C))
        }
    }

    @Test("A byte that is not CP949 is an error naming its line and offset")
    func invalidCP949() throws {
        let path = try write(CSVFileTests.cp949 + [0xB1, 0x0A, 0xFF, 0xFF, 0x0A])
        do {
            _ = try records(CSVFile(path: path, encoding: .forced(.cp949), delimiter: 0x2C))
            Issue.record("a bad CP949 byte was accepted")
        } catch let error as CSVError {
            guard case .invalidByte(let line, let offset, let encoding) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(encoding == "cp949")
            #expect(line == 3)
            #expect(offset == CSVFileTests.cp949.count)
        }
    }

    @Test("Strict mode: text after a closing quote marks the record with line and column")
    func afterQuote() throws {
        var problems: [CSVError] = []
        var reader = CSVReader(dialect: CSVDialect(strict: true))
        Array("a,b\n\"x\"y,z\n".utf8).withUnsafeBufferPointer {
            reader.consume($0) { if let p = $0.problem { problems.append(p) } }
        }
        #expect(problems == [.unexpectedAfterQuote(line: 2, column: 4, character: "y")])
        #expect(problems[0].description == #"line 2, column 4: unexpected "y" after closing quote"#)
    }

    @Test("Strict mode: an unterminated quote names where it started")
    func unterminated() throws {
        var reader = CSVReader(dialect: CSVDialect(strict: true))
        Array("a,b\nc,\"never\nclosed\n".utf8).withUnsafeBufferPointer { reader.consume($0) { _ in } }
        #expect(throws: CSVError.unterminatedQuote(line: 2, column: 3)) { try reader.finish { _ in } }
    }

    @Test("A record past the size limit stops the reading with its line, in bounded memory")
    func recordTooLarge() throws {
        // An unclosed quote on line 3 would swallow the 3 MB after it into one field.
        let bytes = Array("title,body\nok,fine\nbad,\"never closed\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: 3 << 20)
        var file = try CSVFile(path: try write(bytes), encoding: .forced(.utf8))
        file.maximumRecordSize = 1 << 20
        var lines: [Int] = []
        #expect(throws: CSVError.recordTooLarge(line: 3, limit: 1 << 20)) { try file.read { lines.append($0.line) } }
        #expect(lines == [1, 2])
        file.maximumRecordSize = 8 << 20
        #expect(throws: CSVError.unterminatedQuote(line: 3, column: 5)) { try file.read { _ in } }
    }

    @Test("A lone CR inside an unquoted field of an LF or CRLF file is reported, not made a row; a CR-only file still reads")
    func bareCarriageReturn() throws {
        func read(_ text: String, chunk: Int) -> [String] {
            let bytes = Array(text.utf8)
            var reader = CSVReader(dialect: CSVDialect())
            var out: [String] = []
            func record(_ record: CSVRecord) {
                out.append("\(record.line) \(record.fields.joined(separator: "|"))" + (record.problem.map { " ! \($0)" } ?? ""))
            }
            for start in stride(from: 0, to: bytes.count, by: chunk) {
                Array(bytes[start..<min(bytes.count, start + chunk)]).withUnsafeBufferPointer { reader.consume($0, record) }
            }
            try? reader.finish(record)
            return out
        }
        for chunk in [1, 2, 100] {
            let crlf = read("name,opinion\r\n홍길동,버스\r노선을 늘려 주세요\r\n김,좋아요\r\n", chunk: chunk)
            #expect(crlf.count == 3, "chunk \(chunk): \(crlf)")
            #expect(crlf[1].hasPrefix("2 홍길동|버스\r노선을 늘려 주세요 ! line 2, column 7: a carriage return (CR) stands alone"))
            #expect(crlf[2] == "4 김|좋아요")
            #expect(read("name,opinion\n홍,a\rb\n", chunk: chunk).count == 2)
            #expect(read("name,opinion\r홍,a\r김,b\r", chunk: chunk) == ["1 name|opinion", "2 홍|a", "3 김|b"])
        }
    }

    @Test("Any chunking of the input gives the same records and line numbers")
    func chunkBoundaries() throws {
        let text = Array("h1,h2\r\n\"다,\"\"섯\"\"\r\n줄\",x\r\n\r\ny,\"\"\rz,w\n".utf8)
        func read(chunks sizes: [Int]) -> [[String]] {
            var reader = CSVReader(dialect: CSVDialect())
            var out: [[String]] = []
            var start = 0
            var index = 0
            while start < text.count {
                let end = min(text.count, start + sizes[index % sizes.count])
                Array(text[start..<end]).withUnsafeBufferPointer {
                    reader.consume($0) { out.append(["\($0.line)"] + $0.fields) }
                }
                start = end
                index += 1
            }
            try? reader.finish { out.append(["\($0.line)"] + $0.fields) }
            return out
        }
        let whole = read(chunks: [text.count])
        #expect(whole == [["1", "h1", "h2"], ["2", "다,\"섯\"\r\n줄", "x"], ["5", "y", ""], ["6", "z", "w"]])
        for sizes in [[1], [2], [3], [1, 5], [7, 2, 1]] {
            #expect(read(chunks: sizes) == whole, "chunks \(sizes)")
        }
    }

    @Test("SHA-256 matches the FIPS 180 examples")
    func sha256() {
        #expect(SHA256.hash(Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hash([]).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)).hex
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var million = SHA256()
        let block = [UInt8](repeating: 0x61, count: 1000)
        for _ in 0..<1000 { million.update(block) }
        #expect(million.finalize().hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
