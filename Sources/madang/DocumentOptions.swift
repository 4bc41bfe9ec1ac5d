import ArgumentParser
import Foundation
import MadangCore
import MadangService

/// The options of a document a hearing prints: format, language, output file, template.
struct DocumentOptions: ParsableArguments {
    @Option(help: "The output format: md, html or txt (default: from the -o file's extension, else md).") var format: DigestFormat?
    @Option(help: ArgumentHelp("The language: ko or en (default: the hearing's, else the environment's).", valueName: "language"))
    var lang: DocumentLanguage?
    @Option(help: ArgumentHelp("Render this Mustache template instead of the built-in one.", valueName: "file"))
    var template: String?
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output (- for standard output).", valueName: "file"))
    var output: String?
    @Flag(help: "Print the data a template receives, as JSON.")
    var context = false

    /// `--format`, else what the output file's extension says, else Markdown.
    var chosenFormat: DigestFormat {
        if let format { return format }
        switch output.map({ URL(fileURLWithPath: $0).pathExtension.lowercased() }) {
        case "html", "htm": return .html
        case "txt", "text": return .txt
        default: return .md
        }
    }

    func request(drafts: Bool = false) -> DocumentRequest {
        DocumentRequest(
            format: chosenFormat, language: lang,
            defaultLanguage: DocumentLanguage.from(environment: ProcessInfo.processInfo.environment), drafts: drafts,
            templateFile: template)
    }

    /// Writes `text` to the output file, or to standard output.
    func write(_ text: String) throws {
        guard let output, output != "-" else { return try Console.writeOut(Data(text.utf8)) }
        try OutputFile.write(text, to: output)
        print("Wrote \(output).")
    }
}
