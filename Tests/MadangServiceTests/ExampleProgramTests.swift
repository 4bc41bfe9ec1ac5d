import Foundation
import Testing

/// README's "Using Madang from Swift" is `examples/Swift/main.swift`, built as the
/// `madang-example` product; these tests keep the two the same and run the program.
@Suite("The README's Swift example")
struct ExampleProgramTests {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("README shows the example program exactly as it is built")
    func readmeMatchesProgram() throws {
        let readme = try String(contentsOf: Self.checkout.appendingPathComponent("README.md"), encoding: .utf8)
        let program = try String(contentsOf: Self.checkout.appendingPathComponent("examples/Swift/main.swift"), encoding: .utf8)
        guard let start = readme.range(of: "## Using Madang from Swift"),
              let open = readme.range(of: "```swift\n", range: start.upperBound..<readme.endIndex),
              let close = readme.range(of: "```\n", range: open.upperBound..<readme.endIndex)
        else {
            Issue.record("README has no Swift block under \"Using Madang from Swift\"")
            return
        }
        #expect(String(readme[open.upperBound..<close.lowerBound]) == program)
    }

    @Test("The example imports a CSV file nobody here wrote the program for, and prints its digest")
    func programRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("madang-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("의견.csv")
        try Data("제목,의견,작성자\n버스,\"심야 버스를 늘려 주세요, 특히 주말에.\",김민수\n데이터,데이터허브를 시민에게 개방해 주세요.,\nbad,\"\"x\"y,z\n".utf8)
            .write(to: csv)
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = [folder.appendingPathComponent("example.sqlite").path, csv.path]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let output = folder.appendingPathComponent("output.txt")
        try Data().write(to: output)
        process.standardOutput = try FileHandle(forWritingTo: output)
        try process.run()
        process.waitUntilExit()
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(process.terminationStatus == 0)
        #expect(text.contains("Columns: 제목 → title, 의견 → body, 작성자 → author"))
        #expect(text.contains("2 of 3 rows imported, 1 rejected"))
        #expect(text.contains("# An example hearing") && text.contains("심야 버스를 늘려 주세요"))
        #expect(!text.contains("김민수"), "the digest printed a citizen's name")
    }

    /// The program SwiftPM built next to the test bundle.
    static var executable: URL {
        let products = Bundle.main.executableURL?.deletingLastPathComponent() ?? checkout.appendingPathComponent(".build/debug")
        for candidate in [products, products.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("madang-example")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return checkout.appendingPathComponent(".build/debug/madang-example")
    }
}
