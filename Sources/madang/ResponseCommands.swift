import ArgumentParser
import Foundation
import MadangCore
import MadangService

/// The fields of a response that `respond` sets.
struct ResponseOptions: ParsableArguments {
    @Option(help: "The decision: 반영, 부분반영, 미반영, 기반영, 추후검토, 해당없음 (or accepted, partly-accepted, not-accepted, already-reflected, later-review, out-of-scope).")
    var state: String?
    @Option(help: "The response itself.") var text: String?
    @Option(help: "Why the opinion is not, or not wholly, accepted (needed for 미반영 and 부분반영).") var reason: String?
    @Option(help: "What will be done about it.") var action: String?
    @Option(help: "The department responsible.") var department: String?
    @Flag(help: "Publish the responses now; otherwise new ones are drafts.") var publish = false

    var change: ResponseChange {
        ResponseChange(state: state, text: text, reason: reason, action: action, department: department, publish: publish)
    }
}

struct RespondCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "respond",
        abstract: "Answer opinions: one, several by number, all under a goal, or all matching a search.",
        discussion: """
            A new response needs --state; a later respond on the same items changes only what \
            it gives, so a bulk answer can be adjusted item by item. Responses are drafts until \
            published (--publish here, or `madang responses publish HEARING`); only published \
            ones reach the result report and the notices. Every change is in the audit log.

            Examples:
              madang respond plan-4 12 --state 반영 --text "데이터허브 개방 계획에 반영하겠습니다."
              madang respond plan-4 --goal G2 --state 미반영 --reason "관계 법령상 어렵습니다."
              madang respond plan-4 --search 버스 노선 --state 추후검토 --text "노선 개편 때 검토합니다."
              madang respond plan-4 12 --department 교통정책과 --publish
              madang respond plan-4 --campaign 3 --state 부분반영 --reason "부지 선정은 별도 절차입니다."
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The hearing's slug.") var hearing: String
    @Argument(help: "The items to answer, by number (see `madang items HEARING`).") var items: [Int64] = []
    @Option(help: "Every comment and proposal filed under this goal.") var goal: String?
    @Option(parsing: .upToNextOption, help: "Every comment and proposal matching these words.") var search: [String] = []
    @Option(help: "Every opinion of this campaign (see `madang campaigns list HEARING`).") var campaign: Int64?
    @OptionGroup var response: ResponseOptions

    func validate() throws {
        if items.isEmpty && goal == nil && search.isEmpty && campaign == nil {
            throw ValidationError("Say which opinions: item numbers, --goal G, --search WORDS or --campaign ID.")
        }
        let r = response
        if r.state == nil && r.text == nil && r.reason == nil && r.action == nil && r.department == nil && !r.publish {
            throw ValidationError("Say what to set: --state, --text, --reason, --action, --department or --publish.")
        }
    }

    func run() async throws {
        let selection = OpinionSelection(
            items: items, goal: goal, search: search.isEmpty ? nil : search.joined(separator: " "), campaign: campaign)
        let answered = try await database.open().respond(hearing, to: selection, response.change)
        let published = answered.filter(\.isPublished).count
        print("Answered \(Count.of(answered.count, "opinion")) of \(hearing)"
              + (published == answered.count ? ", published." : published == 0 ? ", as drafts." : " (\(published) published)."))
    }
}

struct ResponsesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "responses",
        abstract: "The response register: list, publish, and the states a hearing's responses take.",
        subcommands: [List.self, Publish.self, Export.self, Import.self, States.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a hearing's opinions with their responses.",
            discussion: """
                Examples:
                  madang responses list plan-4
                  madang responses list plan-4 --state 미반영
                  madang responses list plan-4 --json
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var hearing: String
        @Option(help: "Only opinions answered with this state.") var state: String?
        @OptionGroup var output: JSONFlag

        func run() async throws {
            let register = try await database.open().responseRegister(hearing, state: state)
            if output.json { return try Console.printJSON(register.rows.map(Listed.init)) }
            guard !register.rows.isEmpty else { return print(state == nil ? "No opinions yet." : "No opinion has that state.") }
            var table = TextTable(header: ["ID", "KIND", "STATE", "", "OPINION", "RESPONSE"], maximumCellWidth: 40)
            for row in register.rows {
                let state = row.response.flatMap { register.state($0.state) }
                table.append([
                    String(row.item.id ?? 0), row.item.kind.rawValue, state.map { "\($0.korean) \($0.english)" } ?? "—",
                    row.response.map { $0.isPublished ? "published" : "draft" } ?? "",
                    row.item.title.map { "\($0) — \(row.item.body)" } ?? row.item.body,
                    [row.response?.text, row.response?.reason.map { "(reason: \($0))" }].compactMap { $0 }.joined(separator: " "),
                ])
            }
            print(table.rendered())
            let answered = register.rows.filter { $0.response != nil }.count
            print("\(answered) of \(Count.of(register.rows.count, "opinion")) answered.")
        }

        /// A row as `--json` lists it.
        struct Listed: Encodable {
            var item: Item
            var goals: [String]
            var response: Response?

            init(_ row: ResponseRegister.Row) {
                item = row.item
                goals = row.goals
                response = row.response
            }
        }
    }

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish every draft response of a hearing.",
            discussion: """
                Examples:
                  madang responses publish plan-4
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var hearing: String

        func run() async throws {
            let count = try await database.open().publishResponses(hearing)
            print(count == 0 ? "No draft to publish." : "Published \(Count.of(count, "response")).")
        }
    }

    struct States: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a hearing's response states, or give it its own.",
            discussion: """
                Each --set is CODE=KOREAN=ENGLISH, with a ! after the code when a reason is \
                required. The list replaces the defaults (반영, 부분반영, 미반영, 기반영, \
                추후검토, 해당없음) for this hearing.

                Examples:
                  madang responses states plan-4
                  madang responses states plan-4 --set yes=수용=adopted --set no!=불수용=rejected
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var hearing: String
        @Option(name: .customLong("set"), help: ArgumentHelp("A state, as CODE=KOREAN=ENGLISH (CODE! when a reason is required).", valueName: "state"))
        var states: [String] = []

        func run() async throws {
            let workspace = try await database.open()
            if !states.isEmpty {
                let parsed = try states.map { text -> ResponseState in
                    let parts = text.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
                    guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
                        throw ValidationError("--set \(text): write CODE=KOREAN=ENGLISH, such as rejected!=불수용=rejected.")
                    }
                    let needsReason = parts[0].hasSuffix("!")
                    return ResponseState(code: needsReason ? String(parts[0].dropLast()) : parts[0], korean: parts[1],
                                         english: parts[2], needsReason: needsReason)
                }
                try await workspace.setResponseStates(hearing, parsed)
            }
            var table = TextTable(header: ["CODE", "KOREAN", "ENGLISH", "REASON"])
            for state in try await workspace.responseStates(hearing) {
                table.append([state.code, state.korean, state.english, state.needsReason ? "required" : ""])
            }
            print(table.rendered())
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the response register as a spreadsheet to answer in Excel: XLSX, or CSV.",
            discussion: """
                One row per opinion: number, kind, who (as in the report), goals, the opinion \
                (masked), then the decision, response, reason, action and department to fill in. \
                Change only those five columns, save, and apply them with `madang responses \
                import`. The first row names the hearing; keep it.

                Examples:
                  madang responses export plan-4 -o register.xlsx
                  madang responses export plan-4 -o register.csv --lang en
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var hearing: String
        @Option(help: "xlsx or csv (default: from the -o file's extension, else xlsx).") var format: RegisterFormat?
        @Option(help: ArgumentHelp("The language of the headings: ko or en (default: the hearing's).", valueName: "language"))
        var lang: DocumentLanguage?
        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file to write.", valueName: "file"))
        var output: String

        func run() async throws {
            let chosen = format ?? (URL(fileURLWithPath: output).pathExtension.lowercased() == "csv" ? .csv : .xlsx)
            let request = DocumentRequest(
                language: lang, defaultLanguage: DocumentLanguage.from(environment: ProcessInfo.processInfo.environment))
            let bytes = try await database.open().exportResponses(hearing, format: chosen, request)
            try OutputFile.write(Data(bytes), to: output, personal: true)
            if output != "-" { print("Wrote \(output).") }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply an edited response register (XLSX or CSV): all its rows, or none.",
            discussion: """
                Each row's decision, response, reason, action and department are applied to the \
                opinion of its number. A row with an unknown decision, a missing reason, a changed \
                opinion text, or a number of no opinion of this hearing is reported with its row, \
                and nothing is applied; so is a register of another hearing. --dry-run checks \
                everything and applies nothing.

                Examples:
                  madang responses import plan-4 register.xlsx --dry-run
                  madang responses import plan-4 register.xlsx
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var hearing: String
        @Argument(help: "The edited register.") var file: String
        @Flag(help: "Check every row and apply nothing.") var dryRun = false

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("Cannot read \(file).") }
            let result = try await database.open().importResponses(hearing, bytes: [UInt8](data), dryRun: dryRun)
            print("\(file): \(Count.of(result.rows, "row")) with a response; \(result.changed) "
                  + (result.applied ? "changed." : "would change (dry run: nothing was applied)."))
        }
    }
}

extension RegisterFormat: ExpressibleByArgument {}

