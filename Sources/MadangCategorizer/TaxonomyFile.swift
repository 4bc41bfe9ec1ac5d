import Foundation
import MadangCore
import MadangIntake
import Yams

/// Reads a hearing's policy-goal taxonomy from the file people keep it in.
///
/// YAML, written by hand:
///
/// ```yaml
/// goals:
///   - id: G1
///     name: A cutting-edge digital space anyone can enjoy
///     description: Digital services for everyone, anywhere.
///     terms: [data hub, 데이터허브, {term: platform city, weight: 2}]
///     exclude: [hub cap]
///     strategies:
///       - id: G1.1
///         name: Data hub activation
///         terms: [데이터 허브, open data]
/// ```
///
/// Or CSV, as officials keep it in Excel: `goal_id,goal_name,term`, one term per row.
public enum TaxonomyFile {
    /// The most goals and strategies a taxonomy may hold: a plan has dozens. The limit
    /// also stops a YAML file whose aliases repeat its goals into millions, early.
    public static let maximumGoals = 1_000
    /// The most terms, over all goals: the matcher's table grows with them.
    public static let maximumTerms = 5_000
    /// The most characters in one term: a term is a word or a phrase.
    public static let maximumTermLength = 100
    /// The most characters in all terms together. The matcher's table holds a row for each
    /// byte of them (about 500 bytes a Hangul syllable, 170 an ASCII letter); at this limit it
    /// stays near 80 MB. A plan's taxonomy holds a few thousand.
    public static let maximumTermCharacters = 50_000

    /// Loads `path`, by its extension: `.yaml`/`.yml` or `.csv`.
    public static func load(path: String) throws(TaxonomyError) -> [PolicyGoal] {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TaxonomyError(file: name, "cannot read the file")
        }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
            throw TaxonomyError(file: name, "the file is not UTF-8 text; save it as UTF-8")
        }
        let goals: [PolicyGoal]
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "yaml", "yml": goals = try parseYAML(text, file: name)
        case "csv": goals = try parseCSV(text, file: name)
        default: throw TaxonomyError(file: name, "use a .yaml or .csv file")
        }
        try check(goals, file: name)
        return goals
    }

    /// Reads the YAML form.
    public static func parseYAML(_ text: String, file: String) throws(TaxonomyError) -> [PolicyGoal] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw TaxonomyError(file: file, "\(error)")
        }
        guard let root, case .mapping = root, let list = root["goals"] else {
            throw TaxonomyError(file: file, line: root?.mark?.line, column: root?.mark?.column,
                                "the file must start with 'goals:' and a list of goals")
        }
        var goals: [PolicyGoal] = []
        var termCount = 0
        try readGoals(list, parent: nil, into: &goals, terms: &termCount, file: file)
        return goals
    }

    /// Reads the CSV form: a header with goal_id, goal_name and term columns (any order,
    /// optional description and weight columns), then one term per row.
    public static func parseCSV(_ text: String, file: String) throws(TaxonomyError) -> [PolicyGoal] {
        var records: [(line: Int, fields: [String])] = []
        var reader = CSVReader(dialect: CSVDialect(strict: true))
        do {
            let bytes = Array(text.utf8.drop(while: { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }))
            var problem: CSVError?
            let collect: (CSVRecord) -> Void = { record in
                if problem == nil { problem = record.problem }
                records.append((record.line, record.fields))
            }
            bytes.withUnsafeBufferPointer { reader.consume($0, collect) }
            try reader.finish(collect)
            if let problem { throw problem }
        } catch let error as CSVError {
            throw TaxonomyError(file: file, line: error.line, "\(error)")
        } catch {
            throw TaxonomyError(file: file, "\(error)")
        }
        guard let header = records.first?.fields.map({ $0.trimmingWhitespace().lowercased() }) else {
            throw TaxonomyError(file: file, "the file is empty")
        }
        func column(_ names: String...) -> Int? { header.firstIndex { names.contains($0) } }
        guard let idColumn = column("goal_id", "id", "goal"), let nameColumn = column("goal_name", "name"),
              let termColumn = column("term", "keyword")
        else {
            throw TaxonomyError(file: file, line: 1, "the header must name goal_id, goal_name and term columns")
        }
        let descriptionColumn = column("description", "goal_description")
        let weightColumn = column("weight")
        var goals: [PolicyGoal] = []
        for (line, fields) in records.dropFirst() where !fields.allSatisfy({ $0.isEmpty }) {
            guard fields.count == header.count else {
                throw TaxonomyError(file: file, line: line, "\(fields.count) fields where the header has \(header.count)")
            }
            let code = fields[idColumn].trimmingWhitespace()
            guard !code.isEmpty else { throw TaxonomyError(file: file, line: line, column: idColumn + 1, "goal_id is empty") }
            var weight = 1.0
            if let weightColumn, !fields[weightColumn].isEmpty {
                guard let value = Double(fields[weightColumn]), value > 0 else {
                    throw TaxonomyError(file: file, line: line, column: weightColumn + 1, "weight must be a positive number")
                }
                weight = value
            }
            if goals.last?.code != code {
                guard !goals.contains(where: { $0.code == code }) else {
                    throw TaxonomyError(file: file, line: line, "the rows of goal \(code) must stand together")
                }
                goals.append(PolicyGoal(
                    code: code, name: fields[nameColumn].trimmingWhitespace(),
                    description: descriptionColumn.flatMap { Text.optional(fields[$0]) }))
            }
            if let term = Text.optional(fields[termColumn]) {
                goals[goals.count - 1].terms.append(GoalTerm(term, weight: weight))
            }
        }
        return goals
    }

    private static func readGoals(
        _ list: Node, parent: String?, into goals: inout [PolicyGoal], terms termCount: inout Int, file: String
    ) throws(TaxonomyError) {
        guard case .sequence(let sequence) = list else {
            throw error(at: list, file: file, parent == nil ? "'goals' must be a list" : "'strategies' must be a list")
        }
        for node in sequence {
            guard goals.count < maximumGoals else {
                throw error(at: node, file: file, "more than \(maximumGoals) goals and strategies (are aliases repeating them?)")
            }
            guard case .mapping = node else { throw error(at: node, file: file, "each goal must be a mapping with id, name and terms") }
            for key in node.mapping.map({ Array($0.keys) }) ?? [] {
                let allowed = ["id", "name", "description", "terms", "exclude", "excludes", "strategies"]
                guard let name = key.string, allowed.contains(name) else {
                    throw error(at: key, file: file, "unknown key '\(key.string ?? "?")'; use \(allowed.joined(separator: ", "))")
                }
            }
            guard let code = node["id"]?.string.flatMap(Text.optional) else {
                throw error(at: node, file: file, "a goal needs an id")
            }
            guard let name = node["name"]?.string.flatMap(Text.optional) else {
                throw error(at: node, file: file, "goal \(code) needs a name")
            }
            let terms = try readTerms(node["terms"], file: file)
            let excludes = try readTerms(node["exclude"] ?? node["excludes"], file: file)
            termCount += terms.count + excludes.count
            guard termCount <= maximumTerms else {
                throw error(at: node, file: file, "more than \(maximumTerms) terms in all; keep the words that signal each goal best")
            }
            goals.append(PolicyGoal(
                code: code, name: name, description: node["description"]?.string.flatMap(Text.optional),
                parentCode: parent, terms: terms, excludes: excludes))
            if let strategies = node["strategies"] {
                try readGoals(strategies, parent: code, into: &goals, terms: &termCount, file: file)
            }
        }
    }

    private static func readTerms(_ node: Node?, file: String) throws(TaxonomyError) -> [GoalTerm] {
        guard let node else { return [] }
        guard case .sequence(let sequence) = node else { throw error(at: node, file: file, "terms must be a list") }
        var terms: [GoalTerm] = []
        for item in sequence {
            guard terms.count < maximumTerms else { throw error(at: item, file: file, "more than \(maximumTerms) terms") }
            if let text = item.string ?? item["term"]?.string, text.count > maximumTermLength {
                throw error(at: item, file: file, "a term of \(text.count) characters; a term is a word or a phrase of at most \(maximumTermLength)")
            }
            if case .scalar = item, let text = item.string.flatMap(Text.optional) {
                terms.append(GoalTerm(text))
            } else if case .mapping = item, let text = item["term"]?.string.flatMap(Text.optional) {
                var weight = 1.0
                if let weightNode = item["weight"] {
                    guard let value = weightNode.float, value > 0 else {
                        throw error(at: weightNode, file: file, "weight must be a positive number")
                    }
                    weight = value
                }
                terms.append(GoalTerm(text, weight: weight))
            } else {
                throw error(at: item, file: file, "a term is text, or {term: text, weight: number}")
            }
        }
        return terms
    }

    private static func check(_ goals: [PolicyGoal], file: String) throws(TaxonomyError) {
        guard !goals.isEmpty else { throw TaxonomyError(file: file, "the file holds no goals") }
        guard goals.count <= maximumGoals else { throw TaxonomyError(file: file, "more than \(maximumGoals) goals and strategies") }
        let terms = goals.map { $0.terms.count + $0.excludes.count }.reduce(0, +)
        guard terms <= maximumTerms else {
            throw TaxonomyError(file: file, "more than \(maximumTerms) terms in all; keep the words that signal each goal best")
        }
        let texts = goals.flatMap { $0.terms.map(\.text) + $0.excludes.map(\.text) }
        if let long = texts.first(where: { $0.count > maximumTermLength }) {
            throw TaxonomyError(file: file, "a term of \(long.count) characters; a term is a word or a phrase of at most \(maximumTermLength)")
        }
        let characters = texts.reduce(0) { $0 + $1.count }
        guard characters <= maximumTermCharacters else {
            throw TaxonomyError(
                file: file, "the terms hold \(characters) characters in all, more than \(maximumTermCharacters); "
                    + "keep the words that signal each goal best")
        }
        var seen = Set<String>()
        for goal in goals {
            guard seen.insert(goal.code).inserted else { throw TaxonomyError(file: file, "the id \(goal.code) is used twice") }
        }
    }

    private static func error(at node: Node, file: String, _ message: String) -> TaxonomyError {
        TaxonomyError(file: file, line: node.mark?.line, column: node.mark?.column, message)
    }

    private static func yamlError(_ error: YamlError, file: String) -> TaxonomyError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            TaxonomyError(file: file, line: mark.line, column: mark.column, problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            TaxonomyError(file: file, line: context.mark.line, column: context.mark.column,
                          "the key \(duplicates.joined(separator: ", ")) appears twice")
        default:
            TaxonomyError(file: file, "\(error)")
        }
    }
}
