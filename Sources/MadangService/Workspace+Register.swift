import Foundation
import MadangCore
import MadangDigest
import MadangIntake
import MadangStore

extension Workspace {
    /// The response register as a spreadsheet for officials to answer in: a first row that
    /// names the hearing, a row of headings, then one row per opinion (number, kind, who,
    /// goals, the opinion masked as in the report, decision, response, reason, action,
    /// department). XLSX has every cell as text, wrapped, with set widths; CSV is UTF-8
    /// with a byte-order mark and formulas defused.
    public func exportResponses(_ slug: String, format: RegisterFormat, _ request: DocumentRequest = DocumentRequest()) async throws -> [UInt8] {
        try await run { store in
            let register = try Workspace.register(slug, store: store)
            let language = request.language(for: register.hearing)
            let sheet = RegisterSheet(language: language)
            var redaction = Redaction(language: language)
            var rows = [sheet.titleRow(slug: slug), sheet.headings]
            for row in register.rows {
                let item = row.item
                let response = row.response
                rows.append([
                    String(item.id ?? 0), ReportWording.kind(item.kind, language), ReportBuilder.from(row, language, redaction: &redaction),
                    row.goals.joined(separator: ", "), ReportBuilder.opinion(item, redaction: &redaction),
                    response.flatMap { register.state($0.state)?.label(language) } ?? "", response?.text ?? "",
                    response?.reason ?? "", response?.action ?? "", response?.department ?? "",
                ])
            }
            switch format {
            case .xlsx:
                return Array(try XLSXWriter.workbook(
                    sheet: sheet.sheetName, rows: rows, headerRows: 2, widths: [7, 8, 14, 12, 60, 11, 45, 35, 30, 14]))
            case .csv:
                return [0xEF, 0xBB, 0xBF] + Array(rows.map { CSVWriter.line($0) }.joined().utf8)
            }
        }
    }

    /// Applies an edited register (XLSX or CSV, as ``exportResponses(_:format:_:)`` wrote it):
    /// each row's decision, response, reason, action and department, all rows or none.
    /// Rows that name an opinion of another hearing, change an opinion's text, give an
    /// unknown decision or leave out a reason the decision needs are row errors, with their
    /// row number; a file whose first row names another hearing is refused whole.
    ///
    /// - Parameter dryRun: check everything and apply nothing.
    public func importResponses(_ slug: String, bytes: [UInt8], dryRun: Bool = false) async throws -> RegisterImport {
        try await run { store in
            let rows = try SpreadsheetRows.read(bytes)
            guard let title = rows.first, title.cells.count >= 2, RegisterSheet.isTitle(title.cells[0]) else {
                throw RegisterError.notARegister
            }
            guard title.cells[1] == slug else { throw RegisterError.otherHearing(found: title.cells[1], expected: slug) }
            guard rows.count >= 2, let columns = RegisterSheet.Columns(rows[1].cells) else {
                throw RegisterError.missingHeadings(row: rows.count >= 2 ? rows[1].number : 2)
            }
            let register = try Workspace.register(slug, store: store)
            let byID = Dictionary(uniqueKeysWithValues: register.rows.compactMap { row in row.item.id.map { ($0, row) } })
            var problems: [RegisterProblem] = []
            var changes: [(itemID: Int64, change: ResponseChange)] = []
            for row in rows.dropFirst(2) {
                let cell = { (index: Int?) -> String? in
                    index.flatMap { row.cells.indices.contains($0) ? row.cells[$0].trimmingCharacters(in: .whitespacesAndNewlines) : nil }
                }
                func problem(_ column: Int?, _ kind: RegisterProblem.Kind) {
                    problems.append(RegisterProblem(row: row.number, column: column.map { $0 + 1 }, kind: kind))
                }
                if row.cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
                guard let number = cell(columns.number).flatMap({ Int64($0) }), let entry = byID[number] else {
                    problem(columns.number, .unknownOpinion(cell(columns.number) ?? ""))
                    continue
                }
                // The export masked the opinion in the language it was written in, either one.
                let written = RegisterSheet.normalized(cell(columns.opinion) ?? "")
                let unchanged = DocumentLanguage.allCases.contains { language in
                    var redaction = Redaction(language: language)
                    return RegisterSheet.normalized(ReportBuilder.opinion(entry.item, redaction: &redaction)) == written
                }
                if !unchanged {
                    problem(columns.opinion, .editedOpinion)
                    continue
                }
                let stateText = cell(columns.decision) ?? ""
                let fields = [columns.response, columns.reason, columns.action, columns.department].map { cell($0) ?? "" }
                if stateText.isEmpty {
                    if entry.response == nil && fields.allSatisfy(\.isEmpty) { continue }
                    if entry.response == nil {
                        problem(columns.decision, .missingDecision)
                        continue
                    }
                }
                let state = stateText.isEmpty ? register.state(entry.response?.state ?? "") : ResponseState.named(stateText, in: register.states)
                guard let state else {
                    problem(columns.decision, .unknownDecision(stateText, known: register.states.map(\.korean)))
                    continue
                }
                if state.needsReason && fields[1].isEmpty {
                    problem(columns.reason, .missingReason(state.korean))
                    continue
                }
                changes.append((number, ResponseChange(
                    state: state.code, text: fields[0], reason: fields[1], action: fields[2], department: fields[3])))
            }
            guard problems.isEmpty else { throw RegisterError.rows(problems) }
            let applied = try store.respond(hearingID: register.hearing.id ?? 0, changes: changes, dryRun: dryRun)
            return RegisterImport(
                rows: changes.count, changed: applied.filter(\.changed).count, applied: !dryRun)
        }
    }
}

/// How the response register is written: an Excel workbook, or CSV.
public enum RegisterFormat: String, CaseIterable, Sendable {
    case xlsx, csv
}

/// What importing a register did.
public struct RegisterImport: Sendable {
    /// Rows that hold a response.
    public var rows: Int
    /// Responses that changed (or would, in a dry run).
    public var changed: Int
    /// False for a dry run.
    public var applied: Bool
}

/// Why a register file cannot be applied; nothing of it was.
public enum RegisterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's first row is not a register's.
    case notARegister
    /// The file is the register of another hearing.
    case otherHearing(found: String, expected: String)
    case missingHeadings(row: Int)
    case rows([RegisterProblem])

    public var description: String {
        switch self {
        case .notARegister:
            "The file is not a response register: its first row should name the register and the hearing, as the export wrote it."
        case .otherHearing(let found, let expected):
            "The file is the register of \(found), not of \(expected); nothing was applied."
        case .missingHeadings(let row):
            "Row \(row) should hold the register's headings (number, opinion, decision, …); nothing was applied."
        case .rows(let problems):
            "\(problems.count) row\(problems.count == 1 ? "" : "s") cannot be applied, so nothing was:\n"
                + problems.prefix(50).map { "  \($0)" }.joined(separator: "\n")
                + (problems.count > 50 ? "\n  … and \(problems.count - 50) more." : "")
        }
    }
}

/// A row of a register that cannot be applied: where, and why.
public struct RegisterProblem: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        case unknownOpinion(String)
        case editedOpinion
        case missingDecision
        case unknownDecision(String, known: [String])
        case missingReason(String)
    }

    public var row: Int
    public var column: Int?
    public var kind: Kind

    public init(row: Int, column: Int?, kind: Kind) {
        self.row = row
        self.column = column
        self.kind = kind
    }

    public var description: String {
        let place = "row \(row)" + (column.map { ", column \($0)" } ?? "")
        return switch kind {
        case .unknownOpinion(let text): "\(place): '\(text)' is not the number of an opinion of this hearing"
        case .editedOpinion: "\(place): the opinion's text was changed; only the decision, response, reason, action and department can be"
        case .missingDecision: "\(place): a response needs a decision"
        case .unknownDecision(let text, let known): "\(place): '\(text)' is not a decision; the decisions are \(known.joined(separator: ", "))"
        case .missingReason(let state): "\(place): \(state) needs a reason"
        }
    }
}
