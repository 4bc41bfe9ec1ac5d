import Foundation
import Testing

@Suite("madang import, run as a coordinator would")
struct ImportCLITests {
    let cli = try! CLI()

    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = cli.folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }

    func setUp() throws {
        try cli.ok("init")
        try cli.ok("hearing", "add", "h", "--title", "Hearing")
    }

    func items(_ kind: String = "comment") throws -> [[String: Any]] {
        try #require(try cli.json("items", "h", "--kind", kind, "--json") as? [[String: Any]])
    }

    /// 제목,내용 / "교통","버스가<CRLF>부족" in CP949 with CRLF, as Korean Excel saves it.
    static let koreanExcel: [UInt8] = [0xC1, 0xA6, 0xB8, 0xF1, 0x2C, 0xB3, 0xBB, 0xBF, 0xEB, 0x0D, 0x0A,
        0x22, 0xB1, 0xB3, 0xC5, 0xEB, 0x22, 0x2C, 0x22, 0xB9, 0xF6, 0xBD, 0xBA, 0xB0, 0xA1, 0x0D, 0x0A,
        0xBA, 0xCE, 0xC1, 0xB7, 0x22, 0x0D, 0x0A]

    @Test("A CP949 file from Korean Excel imports with its line breaks inside cells")
    func koreanExcelFile() throws {
        defer { cli.cleanUp() }
        try setUp()
        let output = try cli.ok("import", "h", file("의견.csv", ImportCLITests.koreanExcel), "--kind", "comment")
        #expect(output.contains("cp949 (detected), comma-separated (detected)"))
        #expect(output.contains("1 row read: 1 imported."))
        let stored = try items()
        #expect(stored.first?["title"] as? String == "교통")
        #expect(stored.first?["body"] as? String == "버스가\n부족")
    }

    @Test("A semicolon file from a European Excel, in Windows-1252")
    func europeanExcel() throws {
        defer { cli.cleanUp() }
        try setUp()
        var bytes = Array("Title;Comment;Name\r\nCaf".utf8) + [0xE9] + Array(";\"Need more; benches\";Ren".utf8) + [0xE9, 0x0D, 0x0A]
        bytes += Array("Parks;Open late;Ana\r\n".utf8)
        let output = try cli.ok("import", "h", file("eu.csv", bytes), "--kind", "comment")
        #expect(output.contains("windows-1252 (detected), semicolon-separated (detected)"))
        let stored = try items()
        #expect(stored.map { $0["title"] as? String } == ["Café", "Parks"])
        #expect(stored.first?["body"] as? String == "Need more; benches")
        #expect(stored.first?["author"] as? String == "René")
    }

    @Test("A Google Forms export: question text mapped with --map, US dates, line breaks kept")
    func googleForms() throws {
        defer { cli.cleanUp() }
        try setUp()
        let form = try file("form.csv", """
            Timestamp,Email Address,What would you like to tell the city?,Your neighbourhood\r
            3/5/2024 14:30:15,a@example.org,"More buses,\r
            please",Jung-gu\r
            3/6/2024 9:01:00,b@example.org,데이터허브를 열어 주세요,Seo-gu\r

            """)
        let refused = try cli.run("import", "h", form, "--kind", "comment")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--map 'COLUMN=body'"))
        #expect(refused.stderr.contains("3 'What would you like to tell the city?'"))
        // 3/5 and 3/6 could be 5 and 6 March or 3 May and 3 June: nothing is stored until it is said.
        let ambiguous = try cli.run("import", "h", form, "--kind", "comment", "--map", "What would you like to tell the city?=body")
        #expect(ambiguous.status == 1 && ambiguous.stderr.contains("could be read day first or month first"))
        #expect(ambiguous.stderr.contains("--date-order mdy"))
        #expect(try items().isEmpty)
        let output = try cli.ok("import", "h", form, "--kind", "comment", "--map", "What would you like to tell the city?=body",
                                "--time-zone", "Asia/Seoul", "--date-order", "mdy")
        #expect(output.contains("Dates: month first (month/day/year), as given"))
        #expect(output.contains("Ignored: 4 Your neighbourhood"))
        let stored = try items()
        #expect(stored.map { $0["body"] as? String } == ["More buses,\nplease", "데이터허브를 열어 주세요"])
        #expect(stored.first?["receivedAt"] as? String == "2024-03-05T05:30:15.000Z")
        #expect((stored.first?["contact"] as? [String: Any])?["email"] as? String == "a@example.org")
        #expect(try cli.ok("search", "h", "데이터허브").contains("[데이터허브]를"))
    }

    @Test("An unterminated quote stops the import with its line, and changes nothing")
    func brokenQuote() throws {
        defer { cli.cleanUp() }
        try setUp()
        let path = try file("broken.csv", "title,body\nA,fine\nB,\"never closed\nC,lost\n")
        let result = try cli.run("import", "h", path, "--kind", "comment")
        #expect(result.status != 0)
        #expect(result.stderr.contains("line 3, column 3: unterminated quoted field"))
        #expect(try items().isEmpty)
        #expect(try cli.ok("imports", "list").contains("No imports yet"))
        #expect(!FileManager.default.fileExists(atPath: path + ".rejects.csv"))
    }

    @Test("A bad byte in a forced encoding stops the import with its line and offset")
    func badByte() throws {
        defer { cli.cleanUp() }
        try setUp()
        let path = try file("bad.csv", Array("title,body\nA,fine\nB,bad ".utf8) + [0xC3, 0x28] + [0x0A])
        let result = try cli.run("import", "h", path, "--kind", "comment", "--encoding", "utf-8")
        #expect(result.status != 0)
        #expect(result.stderr.contains("line 3: byte 24 is not valid utf-8"))
        #expect(try items().isEmpty)
    }

    @Test("Bad rows are skipped into the rejects file; --strict and --dry-run store nothing")
    func rejects() throws {
        defer { cli.cleanUp() }
        try setUp()
        let path = try file("rows.csv", "title,body,date\nA,one,2024-03-05\nB,\"two\"x,2024-03-05\nC,=HYPERLINK(\"x\"),someday\nD,four,2024-03-06\n")
        let strict = try cli.run("import", "h", path, "--kind", "comment", "--strict")
        #expect(strict.status == 1)
        #expect(try items().isEmpty)
        let dry = try cli.run("import", "h", path, "--kind", "comment", "--dry-run")
        #expect(dry.status == 3, "rejected rows have their own exit status")
        #expect(dry.stdout.contains("4 rows read: 2 would be imported, 2 rejected."))
        #expect(dry.stdout.contains("Dry run: nothing was stored."))
        #expect(try items().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path + ".rejects.csv"))

        let output = try cli.run("import", "h", path, "--kind", "comment")
        #expect(output.status == 3)
        #expect(output.stdout.contains("4 rows read: 2 imported, 2 rejected."))
        #expect(try items().map { $0["body"] as? String } == ["one", "four"])
        // UTF-8 with a byte-order mark, so Korean Excel reads it; readable by its owner only.
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path + ".rejects.csv")))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let mode = try FileManager.default.attributesOfItem(atPath: path + ".rejects.csv")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let rejects = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { $0.hasSuffix(".partial") }.isEmpty)
        #expect(rejects.hasPrefix("line,reason,title,body,date\r\n"))
        #expect(rejects.contains(#"3,"line 3, column 8: unexpected ""x"" after closing quote",B,twox,2024-03-05"#))
        #expect(rejects.contains("'=HYPERLINK"))
        #expect(rejects.contains("someday"))
    }

    @Test("A pipe and standard input import every row; NUL bytes are dropped, counted and said")
    func pipes() throws {
        defer { cli.cleanUp() }
        try setUp()
        var text = "id,body\n"
        for row in 1...20_000 { text += "\(row),\"시민 의견 \(row): 대중교통\"\n" }
        for path in ["-", "/dev/stdin"] {
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["import", "h", path, "--kind", "comment", "--map", "2=body", "--db", cli.database]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            input.fileHandleForWriting.writeAll(Data(text.utf8))
            try input.fileHandleForWriting.close()
            let said = String(decoding: output.fileHandleForReading.readAll(), as: UTF8.self)
            process.waitUntilExit()
            #expect(said.contains("20,000 rows read: 20,000 imported.") || said.contains("already imported"), "\(path): \(said)")
        }
        #expect(try items().count == 20_000)
        let nul = try file("nul.csv", Array("body\nhello".utf8) + [0] + Array(" world\n".utf8) + [0] + Array("starts with NUL\n".utf8))
        let output = try cli.ok("import", "h", nul, "--kind", "comment")
        #expect(output.contains("2 rows had control characters (such as NUL or a terminal escape) in their text; they were removed."))
        let bodies = try items().map { $0["body"] as? String }
        #expect(bodies.contains("hello world") && bodies.contains("starts with NUL"))
    }

    @Test("Rejected rows that cannot be written where asked do not undo a stored batch; they are reported")
    func rejectsUnwritable() throws {
        defer { cli.cleanUp() }
        try setUp()
        let path = try file("rows.csv", "title,body\nA,one\nB,\"two\"x\n")
        let result = try cli.run("import", "h", path, "--kind", "comment", "--rejects", "/proc/no-such-folder/r.csv")
        #expect(result.status == 3)
        #expect(result.stdout.contains("Stored as batch 1"))
        #expect(result.stderr.contains("The batch is stored, but: Cannot write the rejected rows to /proc/no-such-folder/r.csv"))
        #expect(try items().map { $0["body"] as? String } == ["one"])
    }

    @Test("Day-first dates are found from the one value over 12, said in the mapping, and read so")
    func europeanDates() throws {
        defer { cli.cleanUp() }
        try setUp()
        let path = try file("eu-dates.csv", "body,date\nfirst,05.01.2024\nsecond,13.01.2024 14:00\n")
        let output = try cli.ok("import", "h", path, "--kind", "comment", "--time-zone", "UTC")
        #expect(output.contains("Dates: day first (day.month.year): '13.01.2024 14:00' on line 3 shows it"), "\(output)")
        #expect(try items().map { $0["receivedAt"] as? String } == ["2024-01-05T00:00:00.000Z", "2024-01-13T14:00:00.000Z"])
        // KST is Asia/Seoul.
        let korean = try file("kr-dates.csv", "의견,일시\n버스 노선을 늘려 주세요,2024년 1월 5일 오후 2시 30분\n")
        try cli.ok("import", "h", korean, "--kind", "comment", "--time-zone", "KST")
        let bus = try items().first { $0["body"] as? String == "버스 노선을 늘려 주세요" }
        #expect(bus?["receivedAt"] as? String == "2024-01-05T05:30:00.000Z")
    }

    @Test("Identical rows are different people: each is stored, and a later export adds only the copies beyond them")
    func identicalRows() throws {
        defer { cli.cleanUp() }
        try setUp()
        let postcard = "\"버스 노선을 늘려 주세요.\"\n"
        let first = try file("postcards-1.csv", "body\n" + String(repeating: postcard, count: 6) + "Something else\n")
        let later = try file("postcards-2.csv", "body\n" + String(repeating: postcard, count: 8) + "Something else\n")
        let output = try cli.ok("import", "h", first, "--kind", "comment")
        #expect(output.contains("7 rows read: 7 imported."), "\(output)")
        #expect(try items().count == 7)
        #expect(try cli.ok("import", "h", first, "--kind", "comment").contains("already imported, as batch 1"))
        let second = try cli.ok("import", "h", later, "--kind", "comment")
        #expect(second.contains("9 rows read: 2 imported, 7 already in h from earlier imports."), "\(second)")
        #expect(try items().count == 9)
        // Undoing the first export keeps what the second holds too.
        let undone = try cli.ok("imports", "undo", "1")
        #expect(undone.contains("removed 0 items; kept 7 items that a later import also holds"), "\(undone)")
        #expect(try items().count == 9)
        #expect(try cli.ok("imports", "undo", "2").contains("removed 9 items"))
        #expect(try items().isEmpty)
        #expect(try cli.ok("import", "h", later, "--kind", "comment").contains("9 rows read: 9 imported."))
    }

    @Test("The same file again adds nothing; a later export adds only its new rows; undo removes exactly a batch")
    func batches() throws {
        defer { cli.cleanUp() }
        try setUp()
        let first = try file("export-1.csv", "id,body\n1,first\n2,second\n")
        let later = try file("export-2.csv", "id,body\n1,first\n2,second\n3,third\n")
        try cli.ok("comment", "add", "h", "typed by hand")
        try cli.ok("import", "h", first, "--kind", "comment")
        let again = try cli.ok("import", "h", first, "--kind", "comment")
        #expect(again.contains("export-1.csv is already imported, as batch 1"))
        let output = try cli.ok("import", "h", later, "--kind", "comment")
        #expect(output.contains("3 rows read: 1 imported, 2 already in h from earlier imports."))
        #expect(try items().count == 4)

        let batches = try #require(try cli.json("imports", "list", "--json") as? [[String: Any]])
        #expect(batches.map { $0["fileName"] as? String } == ["export-2.csv", "export-1.csv"])
        let expectedHash = try SHA256Hex.of(try Data(contentsOf: URL(fileURLWithPath: later)))
        #expect(batches.first?["sha256"] as? String == expectedHash)
        // The later export holds the first's rows too: undoing the first keeps them.
        try cli.ok("imports", "undo", "1")
        #expect(try items().map { $0["body"] as? String } == ["typed by hand", "first", "second", "third"])
        #expect(try cli.run("imports", "undo", "1").status != 0)
        try cli.ok("imports", "undo", "2")
        #expect(try items().map { $0["body"] as? String } == ["typed by hand"])
        #expect(try cli.ok("import", "h", later, "--kind", "comment").contains("3 rows read: 3 imported."))
    }

    @Test("Killing an import inside its transaction leaves the database as it was")
    func killedImport() throws {
        defer { cli.cleanUp() }
        try setUp()
        try cli.ok("comment", "add", "h", "before the import")
        var text = "id,title,body\n"
        for row in 0..<3_000 {
            text += "\(row),제목 \(row),\"시민 의견 \(row): 대중교통과 데이터허브, \"\"공원\"\" 확충을 요청합니다.\"\n"
            if row % 100 == 0 { text += "\(row),ragged row\n" }
        }
        let path = try file("big.csv", text)
        // The import stops itself after 1,000 rows, inside its transaction, and says so.
        let started = try cli.start(["import", "h", path, "--kind", "comment"], environment: ["MADANG_TEST_PAUSE_AFTER_ROWS": "1000"])
        let (process, _, errors) = started
        let paused = try CLI.waitFor("paused after", in: errors, while: process)
        let said = try String(contentsOf: errors, encoding: .utf8)
        #expect(paused, "the import ended before its pause: \(said)")
        kill(process.processIdentifier, SIGKILL)
        let result = try CLI.finish(started)
        #expect(result.status != 0)
        #expect(try items().count == 1, "a killed import left rows behind")
        // Its rejected rows, names and contacts among them, left no scratch file anywhere.
        for folder in [cli.folder, FileManager.default.temporaryDirectory] {
            let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".madang-rejects-") }
            #expect(left.isEmpty, "\(folder.path) holds \(left)")
        }
        let batches = try cli.json("imports", "list", "--json") as? [Any]
        #expect(batches?.isEmpty == true, "a killed import left its batch behind")
        // And the file can be imported again, whole.
        #expect(try cli.run("import", "h", path, "--kind", "comment").status == 3)
        #expect(try items().count == 3_001)
    }
}
/// The file hash as `sha256sum` prints it, to check the batch record against a tool nobody here wrote.
enum SHA256Hex {
    static func of(_ data: Data) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.writeAll(data)
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readAll(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }
}
