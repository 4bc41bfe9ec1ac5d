import MadangCore

/// What Madang checks in a template before handing it to the Mustache parser, whose
/// recursion would overflow the stack on hostile input: how deep its sections nest,
/// and which partials it includes (a cycle of partials would render forever).
struct TemplateOutline {
    /// A `{{> name}}` or `{{< name}}` tag and where it stands.
    struct Include {
        var name: String
        var line: Int
        var column: Int
    }

    /// Sections nested deeper than this are refused: the built-in templates nest four.
    static let maximumDepth = 64
    /// Templates with more tags than this are refused: the Mustache parser measures the
    /// rest of the text at each tag (`String.distance`), so its time grows with the square
    /// of the size (5,000 tags: 1 s; 10,000: 3.4 s; 50,000: over a minute). The built-in
    /// HTML digest has about 200.
    static let maximumTags = 5_000

    private(set) var includes: [Include] = []

    /// Scans `text` (following `{{=<% %>=}}` delimiter changes).
    ///
    /// - Throws: ``TemplateError/syntax(file:line:column:message:)`` where sections nest too deep.
    init(_ text: String, file: String) throws {
        var open = Array("{{".utf8), close = Array("}}".utf8)
        let bytes = Array(text.utf8)
        var depth = 0, index = 0, line = 1, lineStart = 0, tags = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            guard bytes[index...].starts(with: open) else {
                index += 1
                continue
            }
            let column = index - lineStart + 1
            tags += 1
            if tags > TemplateOutline.maximumTags {
                throw TemplateError.syntax(file: file, line: line, column: column,
                                           message: "more than \(TemplateOutline.maximumTags) tags; split the template into partials")
            }
            let start = index + open.count
            guard let end = TemplateOutline.find(close, in: bytes, from: start) else { break }
            var tag = bytes[start..<end]
            // A triple mustache, {{{name}}}, closes with one brace more.
            let after = end + close.count + (tag.first == UInt8(ascii: "{") && bytes.count > end + close.count ? 1 : 0)
            while let first = tag.first, first == 0x20 { tag = tag.dropFirst() }
            switch tag.first {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"):
                depth += 1
            case UInt8(ascii: "<"):
                depth += 1
                includes.append(Include(name: TemplateOutline.name(tag.dropFirst()), line: line, column: column))
            case UInt8(ascii: "/"):
                depth = max(0, depth - 1)
            case UInt8(ascii: ">"):
                includes.append(Include(name: TemplateOutline.name(tag.dropFirst()), line: line, column: column))
            case UInt8(ascii: "="):
                // {{=<% %>=}}: the two new delimiters, between the equals signs.
                let parts = tag.dropFirst().dropLast().split(separator: 0x20)
                if parts.count == 2 {
                    open = Array(parts[0])
                    close = Array(parts[1])
                }
            default:
                break
            }
            if depth > TemplateOutline.maximumDepth {
                throw TemplateError.syntax(file: file, line: line, column: column,
                                           message: "sections nested more than \(TemplateOutline.maximumDepth) deep")
            }
            for byte in bytes[index..<min(after, bytes.count)] where byte == 0x0A { line += 1 }
            index = after
        }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start <= bytes.count - needle.count else { return nil }
        return (start...(bytes.count - needle.count)).first { bytes[$0...].starts(with: needle) }
    }

    private static func name(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
    }

    /// The first cycle among the library's partials, as the include that closes it and
    /// the file it stands in; nil when there is none.
    static func cycle(in outlines: [String: (file: String, outline: TemplateOutline)]) -> (file: String, include: Include)? {
        var state: [String: Bool] = [:]  // false: being visited; true: done
        func visit(_ name: String) -> (String, Include)? {
            guard let (file, outline) = outlines[name] else { return nil }
            state[name] = false
            for include in outline.includes {
                switch state[include.name] {
                case false?: return (file, include)
                case nil: if let found = visit(include.name) { return found }
                case true?: continue
                }
            }
            state[name] = true
            return nil
        }
        for name in outlines.keys.sorted() where state[name] == nil {
            if let found = visit(name) { return found }
        }
        return nil
    }
}
