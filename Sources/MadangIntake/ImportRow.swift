import Foundation
import MadangCore

/// One row of a file made into an item, with the fingerprint that recognizes the
/// same submission in a later export of the same form.
public struct ImportRow: Sendable {
    public var item: Item
    /// The first 16 bytes of SHA-256 over the kind and every mapped value except the
    /// number of supporters, which grows between exports.
    public var fingerprint: [UInt8]
    /// True when control characters (a NUL, an escape sequence) were removed from the row's values.
    public var cleaned = false
}

/// Turns records into items under a ``ColumnMapping``.
public struct RowConverter: Sendable {
    public let mapping: ColumnMapping
    public let kind: ItemKind
    public let hearingID: Int64
    public let fileName: String
    /// For proposals when no column names the group.
    public let defaultGroup: String?
    /// For statements: who may be named as speaker.
    public let panel: Panel
    /// For times written without a zone.
    public let timeZone: TimeZone
    /// The order of day and month in the date column, where its years come last.
    public let dateOrder: DateOrder?
    public let receivedAt: Date

    public init(
        mapping: ColumnMapping, kind: ItemKind, hearingID: Int64, fileName: String, defaultGroup: String? = nil,
        panel: Panel = Panel([]), timeZone: TimeZone = .current, dateOrder: DateOrder? = nil, receivedAt: Date = Date()
    ) {
        self.mapping = mapping
        self.kind = kind
        self.hearingID = hearingID
        self.fileName = fileName
        self.defaultGroup = defaultGroup
        self.panel = panel
        self.timeZone = timeZone
        self.dateOrder = dateOrder
        self.receivedAt = receivedAt
    }

    /// The item for `record`, or why the row cannot be imported.
    public func convert(_ record: CSVRecord) -> Result<ImportRow, RowProblem> {
        if let problem = record.problem {
            return .failure(RowProblem(line: record.line, column: problem.column, kind: .malformed(problem.message)))
        }
        guard record.count == mapping.header.count else {
            return .failure(RowProblem(line: record.line, kind: .fieldCount(found: record.count, expected: mapping.header.count)))
        }
        var cleaned = false
        func value(_ field: ImportField) -> String? {
            mapping[field].flatMap { Text.optional(record[$0], removedControls: &cleaned) }
        }
        func fail(_ kind: RowProblem.Kind, _ field: ImportField? = nil) -> Result<ImportRow, RowProblem> {
            let column = field.flatMap { mapping[$0] }
            return .failure(RowProblem(line: record.line, column: column.map { $0 + 1 },
                                       columnName: column.map { mapping.header[$0] }, kind: kind))
        }
        guard let body = value(.body) else { return fail(.emptyText, .body) }
        var item = Item(hearingID: hearingID, kind: kind, body: body,
                        provenance: .imported(file: fileName, line: record.line), externalID: value(.externalID),
                        receivedAt: receivedAt)
        if let when = value(.submittedAt) {
            guard let date = SubmissionDate.parse(when, order: dateOrder, timeZone: timeZone) else {
                return fail(SubmissionDate.evidence(when) == .either && dateOrder == nil ? .ambiguousDate(when) : .notADate(when), .submittedAt)
            }
            item.receivedAt = date
        }
        var contact = Contact(email: value(.email), phone: value(.phone))
        if let either = value(.contact) {
            if either.contains("@") { contact.email = contact.email ?? either } else { contact.phone = contact.phone ?? either }
        }
        let names = [value(.firstName), value(.lastName)].compactMap { $0 }
        var author = value(.author) ?? (names.isEmpty ? nil : names.joined(separator: " "))
        switch kind {
        case .statement:
            guard let label = value(.speaker) else { return fail(.noSpeaker, .speaker) }
            do {
                item.speakerID = try panel.speaker(labelled: label).id
            } catch {
                return fail(.unknownSpeaker(label, reason: error.description), .speaker)
            }
        case .comment:
            item.title = value(.title)
            if let organization = value(.group) { author = author.map { "\($0) (\(organization))" } ?? organization }
            item.author = author
            item.contact = contact
        case .proposal:
            item.author = author
            item.contact = contact
            item.title = value(.title) ?? RowConverter.titleFromBody(body)
            // Without a group, the proposal is its author's own.
            item.group = value(.group) ?? defaultGroup
            if let count = value(.supporters) {
                guard let supporters = SupporterCount.parse(count) else { return fail(.notACount(count), .supporters) }
                item.supporters = supporters
            }
        }
        do {
            item = try item.validated()
        } catch {
            return fail(.invalid(error))
        }
        return .success(ImportRow(
            item: item, fingerprint: fingerprint(of: item, externalID: item.externalID, submitted: value(.submittedAt)),
            cleaned: cleaned))
    }

    private func fingerprint(of item: Item, externalID: String?, submitted: String?) -> [UInt8] {
        var hash = SHA256()
        let parts = [
            item.kind.rawValue, externalID ?? "", item.title ?? "", item.body, item.author ?? "",
            item.contact.email ?? "", item.contact.phone ?? "", item.group ?? "",
            item.speakerID.map(String.init) ?? "", submitted ?? "",
        ]
        hash.update(Array(parts.joined(separator: "\u{1F}").utf8))
        return Array(hash.finalize().bytes.prefix(16))
    }

    /// The first sentence of a proposal, cut to 60 characters, when the file has no title.
    static func titleFromBody(_ body: String) -> String {
        let firstLine = body.split(whereSeparator: \.isNewline).first.map(String.init) ?? body
        let sentence = firstLine.split(separator: ". ", maxSplits: 1).first.map(String.init) ?? firstLine
        return sentence.count <= 60 ? sentence : String(sentence.prefix(59)) + "…"
    }
}
