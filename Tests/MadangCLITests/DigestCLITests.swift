import Foundation
import Testing

@Suite("madang digest: an official's printout")
struct DigestCLITests {
    let cli = try! CLI()

    func setUp() throws {
        try cli.ok("init")
        try cli.ok("hearing", "add", "h", "--title", "Bus hearing", "--venue", "City hall")
        try cli.ok("panel", "add", "h", "Kim Gap-seong", "--role", "chair", "--affiliation", "Yonsei University")
        try cli.ok("panel", "add", "h", "박성남", "--affiliation", "건축공간연구원")
        try cli.ok("statement", "add", "h", "--speaker", "2", "Bus routes should follow where people live.")
        try cli.ok("comment", "add", "h", "More bus routes to the station, please. Call 010-1234-5678.", "--author", "Lee Min-ji")
        try cli.ok("comment", "add", "h", "<script>alert(1)</script> bus stops need shelters.", "--author", "Mallory")
        try cli.ok("comment", "add", "h", "버스 노선을 늘려 주세요. 메일: minji@example.org", "--author", "김민수")
        try "goals:\n  - id: T\n    name: Transport\n    terms: [bus, 버스]\n"
            .write(to: cli.folder.appendingPathComponent("goals.yaml"), atomically: true, encoding: .utf8)
        try cli.ok("goals", "load", "h", "goals.yaml")
    }

    @Test("A copy of the binary with its resource bundle prints a digest from any folder; without the bundle it says so")
    func installedCopy() throws {
        defer { cli.cleanUp() }
        try setUp()
        let bin = cli.folder.appendingPathComponent("install/bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let products = CLI.executable.deletingLastPathComponent()
        try FileManager.default.copyItem(at: CLI.executable, to: bin.appendingPathComponent("madang"))
        let far = cli.folder.appendingPathComponent("far/away")
        try FileManager.default.createDirectory(at: far, withIntermediateDirectories: true)
        func run() throws -> CLI.Result {
            let process = Process()
            process.executableURL = bin.appendingPathComponent("madang")
            process.arguments = ["digest", "h", "--format", "txt", "--db", cli.database]
            process.currentDirectoryURL = far
            var environment = ProcessInfo.processInfo.environment
            environment["MADANG_TEMPLATES"] = nil
            process.environment = environment
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let stdout = String(decoding: out.fileHandleForReading.readAll(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readAll(), as: UTF8.self)
            process.waitUntilExit()
            return CLI.Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
        }
        // Without its bundle the copy neither crashes nor borrows the build folder's templates.
        let bare = try run()
        #expect(bare.status == 1 && bare.stdout.isEmpty)
        #expect(bare.stderr.contains("built-in templates are not where they should be") && bare.stderr.contains("MADANG_TEMPLATES"))
        #expect(!bare.stderr.contains(products.path + "/Madang_MadangDigest"), "it looked in the build folder")
        try FileManager.default.copyItem(
            at: products.appendingPathComponent("Madang_MadangDigest.resources"),
            to: bin.appendingPathComponent("Madang_MadangDigest.resources"))
        let installed = try run()
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.contains("Bus hearing") && installed.stdout.contains("Kim Gap-seong"))
    }

    @Test("-o writes through a link, refuses nothing silently, and - is standard output")
    func outputPaths() throws {
        defer { cli.cleanUp() }
        try setUp()
        let target = cli.folder.appendingPathComponent("reports/digest.md")
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let link = cli.folder.appendingPathComponent("latest.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "reports/digest.md")
        try cli.ok("digest", "h", "-o", link.path)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "reports/digest.md", "the link was replaced")
        #expect(try String(contentsOf: target, encoding: .utf8).contains("Bus hearing"))
        #expect(try cli.ok("digest", "h", "-o", "-").contains("# Bus hearing"))
        // A device that cannot take the text is an error, and stays the device it was.
        let full = try cli.run("digest", "h", "-o", "/dev/full")
        #expect(full.status != 0 && full.stderr.contains("Cannot write /dev/full"))
        #expect((try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType) == .typeCharacterSpecial)
        let missing = try cli.run("digest", "h", "-o", cli.folder.appendingPathComponent("no/such/folder/d.md").path)
        #expect(missing.status != 0 && missing.stderr.contains("there is no folder"))
    }

    @Test("Each format is written to a file; secrets and names stay out; hostile text is inert")
    func formats() throws {
        defer { cli.cleanUp() }
        try setUp()
        for format in ["md", "html", "txt"] {
            let out = try cli.ok("digest", "h", "--format", format, "-o", "d.\(format)")
            #expect(out.contains("Wrote d.\(format)"))
            let text = try String(contentsOf: cli.folder.appendingPathComponent("d.\(format)"), encoding: .utf8)
            #expect(text.contains("Kim Gap-seong") && text.contains("박성남") && text.contains("건축공간연구원"), "\(format)")
            #expect(text.contains("Transport"), "\(format)")
            for secret in ["010-1234-5678", "minji@example.org", "Lee Min-ji", "김민수", "Mallory"] {
                #expect(!text.contains(secret), "\(format) prints \(secret)")
            }
            // Plain text cannot run a script; the other formats must not carry a live tag.
            if format != "txt" { #expect(!text.contains("<script>"), "\(format)") }
            #expect(text.contains("Citizen 1") || text.contains("Citizen 2") || text.contains("Citizen 3"), "\(format)")
        }
        let html = try String(contentsOf: cli.folder.appendingPathComponent("d.html"), encoding: .utf8)
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("<svg"))
    }

    @Test("--context prints the template's data as JSON; --initials and --show-names change only how citizens appear")
    func contextAndCitizens() throws {
        defer { cli.cleanUp() }
        try setUp()
        let context = try #require(try cli.json("digest", "h", "--context") as? [String: Any])
        let hearing = try #require(context["hearing"] as? [String: Any])
        #expect(hearing["title"] as? String == "Bus hearing")
        let goals = try #require(context["goals"] as? [[String: Any]])
        #expect((goals.first?["counts"] as? [String: Any])?["comments"] as? Int == 3)
        func citizens(_ flag: String) throws -> [String] {
            let context = try #require(try cli.json("digest", "h", "--context", flag) as? [String: Any])
            let goals = try #require(context["goals"] as? [[String: Any]])
            return goals.flatMap { ($0["quotes"] as? [[String: Any]] ?? []).compactMap { $0["citizen"] as? String } }
        }
        let initials = try citizens("--initials")
        #expect(!initials.isEmpty && initials.allSatisfy { ["L. M.", "M.", "김○○"].contains($0) }, "\(initials)")
        #expect(!(try cli.ok("digest", "h", "--initials", "--format", "txt")).contains("김민수"))
        let names = try citizens("--show-names")
        #expect(!names.isEmpty && names.allSatisfy { ["Lee Min-ji", "Mallory", "김민수"].contains($0) }, "\(names)")
        #expect(!(try cli.ok("digest", "h", "--show-names", "--format", "txt")).contains("010-1234-5678"))
        let both = try cli.run("digest", "h", "--initials", "--show-names")
        #expect(both.status != 0)
        #expect(both.stderr.contains("Choose one of --initials and --show-names"))
    }

    @Test("A user's template renders with the built-in partials; a broken one is reported with file, line and column")
    func userTemplates() throws {
        defer { cli.cleanUp() }
        try setUp()
        try "{{%CONTENT_TYPE: TEXT}}\n{{hearing.title}}: {{counts.comments}} comments\n{{#goals}}{{name}} {{share}}\n{{/goals}}"
            .write(to: cli.folder.appendingPathComponent("mine.txt.mustache"), atomically: true, encoding: .utf8)
        #expect(try cli.ok("digest", "h", "--template", "mine.txt.mustache") == "Bus hearing: 3 comments\nTransport 100.0%\n")
        try "{{#goals}}\n{{name}}\n{{/panel}}\n".write(to: cli.folder.appendingPathComponent("bad.mustache"), atomically: true, encoding: .utf8)
        let bad = try cli.run("digest", "h", "--template", "bad.mustache")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("bad.mustache:3:"))
    }
}
