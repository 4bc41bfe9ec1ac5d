import MadangCore

/// A byte-level, streaming RFC 4180 reader: feed it chunks of UTF-8 text of any
/// size and it calls back with each complete record, in constant memory.
///
/// - Fields are separated by the dialect's delimiter and may be quoted; a doubled
///   quote inside a quoted field is one quote; quoted fields may hold delimiters
///   and line breaks.
/// - Records end at LF, CRLF or a lone CR. Blank lines give no record. Once a record
///   has ended with LF or CRLF, a lone CR inside an unquoted field is not taken for the
///   end of a record (which would make a row of the field's second half): the field keeps
///   it and the record is marked with ``CSVError/bareCarriageReturn(line:column:)``.
/// - A quote inside an unquoted field is kept as text (`5" screen`).
/// - Strict mode reports text after a closing quote (on the record, see
///   ``CSVRecord/problem``) and an unterminated quoted field (thrown by ``finish(_:)``).
///
/// ```swift
/// var reader = CSVReader(dialect: CSVDialect())
/// reader.consume(chunk) { record in print(record.fields) }
/// try reader.finish { record in print(record.fields) }
/// ```
public struct CSVReader: Sendable {
    private enum State: Sendable {
        case recordStart, fieldStart, unquoted, quoted, quotedQuote
    }

    public let dialect: CSVDialect
    private var state = State.recordStart
    private var field: [UInt8] = []
    private var ends: [Int] = []
    private var problem: CSVError?
    // Position of the next byte: line from 1, column in characters from 1.
    private var line = 1
    private var column = 1
    private var previousWasCR = false
    /// Set once a record has ended with LF or CRLF: a lone CR is then text, not a line end.
    private var endsWithLF = false
    /// A CR seen inside an unquoted field, not yet known to be CRLF or a lone CR, and where it was.
    private var pendingCR: (line: Int, column: Int)?
    private var recordLine = 1
    private var quoteStart = (line: 1, column: 1)

    /// The bytes the record being read holds so far, its fields' ends counted.
    public var pendingBytes: Int { field.count + ends.count * MemoryLayout<Int>.stride }
    /// The line the record being read starts on.
    public var pendingLine: Int { recordLine }

    public init(dialect: CSVDialect) {
        self.dialect = dialect
        field.reserveCapacity(4096)
        ends.reserveCapacity(64)
    }

    /// Reads `bytes`, calling `onRecord` for every record they complete.
    public mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, _ onRecord: (CSVRecord) throws -> Void) rethrows {
        let delimiter = dialect.delimiter, quote = dialect.quote
        let lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        for byte in bytes {
            if let place = pendingCR {
                pendingCR = nil
                if byte == lf {
                    endsWithLF = true
                    try endRecord(onRecord)
                    advance(over: byte)
                    continue
                }
                if endsWithLF {
                    field.append(cr)
                    if problem == nil { problem = .bareCarriageReturn(line: place.line, column: place.column) }
                } else {
                    try endRecord(onRecord)
                }
            }
            // A LF right after a CR that ended a record, or a blank line, belongs to that CR.
            if previousWasCR, byte == lf, state == .recordStart {
                previousWasCR = false
                continue
            }
            switch state {
            case .recordStart:
                if byte == lf || byte == cr { break }
                recordLine = line
                state = .fieldStart
                try startField(byte, quote: quote, delimiter: delimiter, onRecord)
            case .fieldStart:
                try startField(byte, quote: quote, delimiter: delimiter, onRecord)
            case .unquoted:
                if byte == delimiter {
                    ends.append(field.count)
                    state = .fieldStart
                } else if byte == cr {
                    pendingCR = (line, column)
                } else if byte == lf {
                    endsWithLF = true
                    try endRecord(onRecord)
                } else {
                    field.append(byte)
                }
            case .quoted:
                if byte == quote {
                    state = .quotedQuote
                } else {
                    field.append(byte)
                }
            case .quotedQuote:
                if byte == quote {
                    field.append(quote)
                    state = .quoted
                } else if byte == delimiter {
                    ends.append(field.count)
                    state = .fieldStart
                } else if byte == lf || byte == cr {
                    if byte == lf { endsWithLF = true }
                    try endRecord(onRecord)
                } else {
                    if dialect.strict, problem == nil {
                        problem = .unexpectedAfterQuote(line: line, column: column, character: character(startingWith: byte))
                    }
                    field.append(byte)
                    state = .unquoted
                }
            }
            advance(over: byte)
        }
    }

    /// Ends the input: delivers the last record if the file does not end with a line break.
    ///
    /// - Throws: ``CSVError/unterminatedQuote(line:column:)`` in strict mode when a quoted field is still open.
    public mutating func finish(_ onRecord: (CSVRecord) throws -> Void) throws {
        if state == .quoted, dialect.strict {
            throw CSVError.unterminatedQuote(line: quoteStart.line, column: quoteStart.column)
        }
        pendingCR = nil
        if state != .recordStart { try endRecord(onRecord) }
    }

    private mutating func startField(
        _ byte: UInt8, quote: UInt8, delimiter: UInt8, _ onRecord: (CSVRecord) throws -> Void
    ) rethrows {
        if byte == quote {
            quoteStart = (line, column)
            state = .quoted
        } else if byte == delimiter {
            ends.append(field.count)
        } else if byte == 0x0A || byte == 0x0D {
            if byte == 0x0A { endsWithLF = true }
            try endRecord(onRecord)
        } else {
            field.append(byte)
            state = .unquoted
        }
    }

    private mutating func endRecord(_ onRecord: (CSVRecord) throws -> Void) rethrows {
        ends.append(field.count)
        let record = CSVRecord(line: recordLine, bytes: field, ends: ends, problem: problem)
        field.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        problem = nil
        state = .recordStart
        try onRecord(record)
    }

    private mutating func advance(over byte: UInt8) {
        if byte == 0x0A {
            if !previousWasCR { line += 1 }
            column = 1
        } else if byte == 0x0D {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
        previousWasCR = byte == 0x0D
    }

    private func character(startingWith byte: UInt8) -> String {
        byte < 0x80 ? String(UnicodeScalar(byte)) : "byte 0x\(String(byte, radix: 16))"
    }
}
