import MadangCore
import MadangIntake

/// Texts with the labels people gave them, read from a CSV file whose text and
/// label columns are found by name (text, body, title, headline / label, goal,
/// major_topic, category) or given.
public struct LabeledData: Sendable {
    public var texts: [String] = []
    public var labels: [String] = []
    public var textColumn: String
    public var labelColumn: String

    public static let textNames = ["text", "body", "title", "headline"]
    public static let labelNames = ["label", "goal", "major_topic", "category"]

    public init(path: String, textColumn: String? = nil, labelColumn: String? = nil) throws {
        let file = try CSVFile(path: path)
        let header = try ImportRun.header(of: file).map { $0.trimmingWhitespace() }
        func find(_ given: String?, _ names: [String], _ role: String) throws -> Int {
            if let given {
                guard let index = header.firstIndex(where: { $0.lowercased() == given.lowercased() }) else {
                    throw ImportError.unknownColumn(given, header: header)
                }
                return index
            }
            for name in names { if let index = header.firstIndex(where: { $0.lowercased() == name }) { return index } }
            throw ImportError.noColumn(role: role, candidates: names, header: header)
        }
        let textIndex = try find(textColumn, LabeledData.textNames, "text")
        let labelIndex = try find(labelColumn, LabeledData.labelNames, "label")
        self.textColumn = header[textIndex]
        self.labelColumn = header[labelIndex]
        var first = true
        var texts: [String] = [], labels: [String] = []
        try file.read { record in
            if first { first = false; return }
            if let problem = record.problem { throw problem }
            guard record.count == header.count else {
                throw ImportError.fieldCount(line: record.line, found: record.count, expected: header.count)
            }
            guard let text = Text.optional(record[textIndex]), let label = Text.optional(record[labelIndex]) else { return }
            texts.append(text)
            labels.append(label)
        }
        self.texts = texts
        self.labels = labels
    }
}
