/// Where an item came from, kept with it for the record.
public enum Provenance: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Typed in by a person with `madang record` or `madang comment add`.
    case typed
    /// Read from row `line` of the file `file`.
    case imported(file: String, line: Int)
    /// Submitted through a web form.
    case web

    /// The stored name of the case: `typed`, `imported` or `web`.
    public var source: String {
        switch self {
        case .typed: "typed"
        case .imported: "imported"
        case .web: "web"
        }
    }

    /// Rebuilds a provenance from its stored columns.
    public init?(source: String, file: String?, line: Int?) {
        switch source {
        case "typed": self = .typed
        case "web": self = .web
        case "imported":
            guard let file, let line else { return nil }
            self = .imported(file: file, line: line)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .typed: "typed in"
        case .imported(let file, let line): "imported from \(file) line \(line)"
        case .web: "web form"
        }
    }
}
