import Mustache

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
            "Cannot find Madang's built-in templates. Set MADANG_TEMPLATES to the templates folder of Madang's source. Looked in: \(searched.joined(separator: ", "))"
        }
    }

    static func explain(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "this closing tag does not match the section it closes"
        case .unfinishedName: return "a tag is not closed (expected }})"
        case .expectedSectionEnd: return "a section is never closed (expected {{/name}})"
        case .invalidSetDelimiter: return "the set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only block definitions may stand inside an inheritance section"
        case .textInsideInheritSection: return "text cannot stand inside an inheritance section"
        case .invalidConfigVariableSyntax: return "the pragma tag is malformed (expected {{% NAME: VALUE}})"
        case .unrecognisedConfigVariable: return "unknown pragma"
        @unknown default: return "\(error)"
        }
    }
}
