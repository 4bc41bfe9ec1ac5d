import Foundation
import Testing
import MadangCore
@testable import MadangIntake

/// Parses `text` the way an import does (BOM dropped, UTF-8 checked), returning the
/// records, or the error the reader raised.
func parse(_ text: String, strict: Bool) -> Result<[[String]], CSVError> {
    let bytes = Array(text.utf8)
    let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var reader = CSVReader(dialect: CSVDialect(strict: strict))
    var records: [[String]] = []
    do {
        var firstProblem: CSVError?
        let collect: (CSVRecord) -> Void = { record in
            records.append(record.fields)
            if firstProblem == nil { firstProblem = record.problem }
        }
        Array(bytes.dropFirst(bom)).withUnsafeBufferPointer { reader.consume($0, collect) }
        try reader.finish(collect)
        if let firstProblem { return .failure(firstProblem) }
        return .success(records)
    } catch let error as CSVError {
        return .failure(error)
    } catch {
        return .failure(.unreadable(path: "", reason: "\(error)"))
    }
}

@Suite("CSV conformance", .enabled(if: SharedTestData.isPresent, "../shared/testdata is absent"))
struct CSVConformanceTests {
    @Test("csv-spectrum: every file parses to its JSON twin")
    func csvSpectrum() throws {
        let folder = SharedTestData.url("csv/csv-spectrum")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("csvs").path)
            .filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()
        #expect(names.count == 12)
        for name in names {
            var csv = try String(contentsOf: folder.appendingPathComponent("csvs/\(name).csv"), encoding: .utf8)
            if name.hasSuffix("_crlf"), !csv.contains("\r\n") {
                // The suite's .gitattributes gives these files CRLF line ends; a plain copy loses them.
                csv = csv.replacingOccurrences(of: "\n", with: "\r\n")
            }
            let expectedJSON = try SharedTestData.json("csv/csv-spectrum/json/\(name).json")
            guard case .success(let records) = parse(csv, strict: true) else {
                Issue.record("csv-spectrum \(name): \(parse(csv, strict: true))")
                continue
            }
            let header = records.first ?? []
            let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
            if name == "location_coordinates" {
                // Upstream defect: the twin is one object whose phone differs; compare the coordinates only.
                let expected = try #require(expectedJSON as? [String: String])
                #expect(rows.first?["Location Coordinates"] == expected["Location Coordinates"], "csv-spectrum \(name)")
            } else {
                let expected = try #require(expectedJSON as? [[String: String]], "csv-spectrum \(name)")
                #expect(rows == expected, "csv-spectrum \(name)")
            }
        }
    }

    struct RustCase: Decodable {
        var name: String
        var input: String
        var expected: [[String]]
        var config: String?
    }

    @Test("rust-csv-core: every default-dialect case")
    func rustCSVCore() throws {
        // JSONDecoder, not JSONSerialization: the latter drops a U+FEFF that starts a string.
        let data = try Data(contentsOf: SharedTestData.url("csv/rust-csv-core/parses_to_cases.json"))
        let defaults = try JSONDecoder().decode([RustCase].self, from: data).filter { $0.config == nil }
        #expect(defaults.count == 47)
        for testCase in defaults {
            #expect(parse(testCase.input, strict: false) == .success(testCase.expected), "rust-csv-core \(testCase.name)")
        }
    }

    @Test("CPython test_csv: every excel-dialect read case, strict-mode failures included")
    func cpython() throws {
        let cases = try #require(try SharedTestData.json("csv/cpython-test_csv/cases.json") as? [[String: Any]])
        var ran = 0, failuresExpected = 0
        for testCase in cases where testCase["kind"] as? String == "read" {
            let options = testCase["options"] as? [String: Any] ?? [:]
            // The excel dialect: no options but the dialect's name and strictness.
            guard Set(options.keys).isSubset(of: ["dialect", "strict"]),
                  (options["dialect"] as? String ?? "excel") == "excel"
            else { continue }
            let name = testCase["test"] as? String ?? "?"
            let input: String
            if let lines = testCase["input"] as? [String] {
                // Python reads a list of lines; a line without its own terminator still ends a record.
                input = lines.enumerated().map { index, line in
                    index < lines.count - 1 && !(line.hasSuffix("\n") || line.hasSuffix("\r")) ? line + "\n" : line
                }.joined()
            } else {
                input = try #require(testCase["input"] as? String)
            }
            let strict = (options["strict"] as? Bool ?? false) || (options["strict"] as? Int ?? 0) != 0
            ran += 1
            if testCase["expected_error"] != nil {
                failuresExpected += 1
                guard case .failure = parse(input, strict: strict) else {
                    Issue.record("cpython \(name) \(input.debugDescription): expected an error")
                    continue
                }
            } else {
                // Python returns an empty row for a blank line; Madang, like rust-csv, returns none.
                let expected = try #require(testCase["expected"] as? [[String]]).filter { !$0.isEmpty }
                #expect(parse(input, strict: strict) == .success(expected), "cpython \(name) \(input.debugDescription)")
            }
        }
        #expect(ran == 39)
        #expect(failuresExpected == 3)
    }
}
