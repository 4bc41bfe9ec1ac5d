import MadangCore
import Foundation
import Mustache

/// The digest templates: every `*.mustache` file of a folder, registered by its
/// path without the extension (`digest.md`, `partials/panel.md`), so templates
/// can include each other as partials (`{{> partials/panel.md}}`).
public struct TemplateLibrary: Sendable {
    /// The folder the templates were read from.
    public let directory: URL
    private let library: MustacheLibrary

    /// Reads and checks every template in `directory`.
    ///
    /// - Throws: ``TemplateError/syntax(file:line:column:message:)`` for the first broken template.
    public init(directory: URL) throws {
        MustacheContentTypes.register(MarkdownEscaping(), named: MarkdownEscaping.name)
        self.directory = directory
        // A link to a folder (such as the checkout's `templates`) is read as the folder.
        let root = directory.resolvingSymlinksInPath()
        var library = MustacheLibrary()
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "mustache" }
            .sorted { $0.path < $1.path } ?? []
        guard !files.isEmpty else { throw TemplateError.noTemplates(directory: directory.path) }
        var outlines: [String: (file: String, outline: TemplateOutline)] = [:]
        for file in files {
            let name = String(file.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)
                .dropLast(".mustache".count))
            let (template, outline) = try TemplateLibrary.read(file)
            library.register(template, named: name)
            outlines[name] = (file.path, outline)
        }
        if let (file, include) = TemplateOutline.cycle(in: outlines) {
            throw TemplateError.syntax(file: file, line: include.line, column: include.column,
                                       message: "the partial '\(include.name)' includes, in the end, itself")
        }
        self.library = library
    }

    /// The built-in templates, found by ``builtInDirectory()``.
    public static func builtIn() throws -> TemplateLibrary {
        try TemplateLibrary(directory: builtInDirectory())
    }

    /// Where the built-in templates are: `$MADANG_TEMPLATES` when it is set, else the
    /// `Templates` folder of this library's resource bundle beside the running binary
    /// (`Madang_MadangDigest.resources` on Linux, `Madang_MadangDigest.bundle` on macOS), which
    /// SwiftPM builds and an install copies with the binary.
    ///
    /// This is the lookup `Bundle.module` makes first, without its second step: that one
    /// falls back to the build folder of the checkout the binary was built in (and stops
    /// the process when that is gone too), so a copied binary would quietly use
    /// templates it was not shipped with.
    public static func builtInDirectory() throws -> URL {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["MADANG_TEMPLATES"], !override.isEmpty {
            candidates.append(URL(fileURLWithPath: override))
        } else {
            var folders = [Bundle.main.bundleURL]
            if let executable = Bundle.main.executableURL {
                folders.append(executable.deletingLastPathComponent())
                folders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
            }
            for folder in folders {
                candidates.append(folder.appendingPathComponent("\(bundleName).resources/Templates"))
                candidates.append(folder.appendingPathComponent("\(bundleName).bundle/Contents/Resources/Templates"))
                candidates.append(folder.appendingPathComponent("\(bundleName).bundle/Templates"))
            }
        }
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("digest.md.mustache").path) {
            return candidate
        }
        throw TemplateError.builtInsMissing(searched: candidates.map(\.path))
    }

    /// The name SwiftPM gives this library's resource bundle.
    static let bundleName = "Madang_MadangDigest"

    /// Reads one template file on its own, as given with `--template FILE`.
    public static func parse(_ file: URL) throws -> MustacheTemplate {
        try read(file).template
    }

    private static func read(_ file: URL) throws -> (template: MustacheTemplate, outline: TemplateOutline) {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw TemplateError.unreadable(file: file.path, reason: error.localizedDescription)
        }
        // Checked first: the parser would overflow the stack on sections nested thousands deep.
        let outline = try TemplateOutline(text, file: file.path)
        do {
            return (try MustacheTemplate(string: text), outline)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError.syntax(
                file: file.path, line: error.context.lineNumber, column: error.context.columnNumber,
                message: TemplateLibrary.explain(error.error))
        }
    }

    /// Renders the template called `name` (such as `digest.md`) with `context`.
    public func render(_ context: DigestContext, template name: String) throws -> String {
        guard let output = library.render(context, withTemplate: name) else {
            throw TemplateError.unknownTemplate(name: name, directory: directory.path)
        }
        return output
    }

    /// Renders a digest in `format`: with the built-in template of that format, or with
    /// `template` when one is given, then finished as the format asks (plain text is wrapped).
    public func render(_ context: DigestContext, format: DigestFormat, template: MustacheTemplate? = nil) throws -> String {
        let rendered = if let template {
            render(context, with: template)
        } else {
            try render(context, template: format.templateName)
        }
        return format.finish(rendered)
    }

    /// Renders the built-in template `kind.format` (such as `report.html`) with any
    /// document's context, or `template` when one is given, finished as the format asks.
    public func render(
        document context: some Encodable & Sendable, kind: String, format: DigestFormat, template: MustacheTemplate? = nil
    ) throws -> String {
        let rendered: String
        if let template {
            rendered = template.render(context, library: library)
        } else {
            guard let output = library.render(context, withTemplate: "\(kind).\(format.rawValue)") else {
                throw TemplateError.unknownTemplate(name: "\(kind).\(format.rawValue)", directory: directory.path)
            }
            rendered = output
        }
        return format.finish(rendered)
    }

    /// Renders a template read from elsewhere, with this library's templates as its partials.
    public func render(_ context: DigestContext, with template: MustacheTemplate) -> String {
        template.render(context, library: library)
    }

    /// What a Mustache parser error means, in words.
    private static func explain(_ error: any Error) -> String {
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
