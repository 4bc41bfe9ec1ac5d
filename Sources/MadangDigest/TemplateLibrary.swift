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
        var library = MustacheLibrary()
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "mustache" }
            .sorted { $0.path < $1.path } ?? []
        guard !files.isEmpty else { throw TemplateError.noTemplates(directory: directory.path) }
        for file in files {
            let name = String(file.standardizedFileURL.path.dropFirst(directory.standardizedFileURL.path.count + 1)
                .dropLast(".mustache".count))
            library.register(try TemplateLibrary.parse(file), named: name)
        }
        self.library = library
    }

    /// The built-in templates, found by ``builtInDirectory()``.
    public static func builtIn() throws -> TemplateLibrary {
        try TemplateLibrary(directory: builtInDirectory())
    }

    /// Where the built-in templates are: `$MADANG_TEMPLATES`, else `share/madang/templates`
    /// beside an installed binary, else the `templates` folder of the source checkout the
    /// binary was built from (found from the binary's path, then from this source file's).
    public static func builtInDirectory() throws -> URL {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["MADANG_TEMPLATES"], !override.isEmpty {
            candidates.append(URL(fileURLWithPath: override))
        }
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let bin = executable.deletingLastPathComponent()
            candidates.append(bin.deletingLastPathComponent().appendingPathComponent("share/madang/templates"))
            candidates.append(contentsOf: ancestors(of: bin).map { $0.appendingPathComponent("templates") })
        }
        let source = URL(fileURLWithPath: #filePath)
        candidates.append(contentsOf: ancestors(of: source.deletingLastPathComponent()).map { $0.appendingPathComponent("templates") })
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("digest.md.mustache").path) {
            return candidate
        }
        throw TemplateError.builtInsMissing(searched: candidates.map(\.path))
    }

    /// Reads one template file on its own, as given with `--template FILE`.
    public static func parse(_ file: URL) throws -> MustacheTemplate {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw TemplateError.unreadable(file: file.path, reason: error.localizedDescription)
        }
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError.syntax(
                file: file.path, line: error.context.lineNumber, column: error.context.columnNumber,
                message: TemplateError.explain(error.error))
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

    /// Renders a template read from elsewhere, with this library's templates as its partials.
    public func render(_ context: DigestContext, with template: MustacheTemplate) -> String {
        template.render(context, library: library)
    }

    private static func ancestors(of folder: URL) -> [URL] {
        var result: [URL] = []
        var current = folder.standardizedFileURL
        while current.path != "/" {
            result.append(current)
            current = current.deletingLastPathComponent()
        }
        return result
    }
}
