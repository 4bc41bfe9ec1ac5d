/// Why a digest template could not be read or used.
public enum TemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    case syntax(file: String, line: Int, column: Int, message: String)
    case unreadable(file: String, reason: String)
    case unknownTemplate(name: String, directory: String)
    case noTemplates(directory: String)
    case builtInsMissing(searched: [String])

    public var description: String {
        switch self {
        case .syntax(let file, let line, let column, let message):
            "\(file):\(line):\(column): \(message)"
        case .unreadable(let file, let reason):
            "Cannot read the template \(file): \(reason)"
        case .unknownTemplate(let name, let directory):
            "There is no template '\(name)' in \(directory)."
        case .noTemplates(let directory):
            "There are no .mustache templates in \(directory)."
        case .builtInsMissing(let searched):
            "Madang's built-in templates are not where they should be. Looked in: \(searched.joined(separator: ", "))"
        }
    }
}
