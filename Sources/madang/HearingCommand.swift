import ArgumentParser
import Foundation
import MadangCore
import MadangService

struct HearingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hearing",
        abstract: "Add, list, show and edit hearings.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Delete.self])

    /// The fields of a hearing that `add` and `edit` both take.
    struct Fields: ParsableArguments {
        @Option(help: "The title, as it will head the digest.")
        var title: String?
        @Option(help: "What sort of event it is.")
        var kind: HearingKind?
        @Option(help: ArgumentHelp("When it starts: YYYY-MM-DD or \"YYYY-MM-DD HH:MM\".", valueName: "date"))
        var date: LocalDateTime?
        @Option(help: "Where it is held.")
        var venue: String?
        @Option(name: .customLong("organizer"), help: "An organizing body; repeat for several, in order.")
        var organizers: [String] = []
        @Option(help: "The plan or draft under discussion.")
        var plan: String?
        @Option(name: .customLong("in-person"), help: "How many attended in person.")
        var inPerson: Int?
        @Option(help: "How many followed online.")
        var online: Int?
        @Option(help: ArgumentHelp("The language of its documents: ko or en (default: the environment's).", valueName: "language"))
        var lang: DocumentLanguage?
        @Option(name: .customLong("time-zone"), help: ArgumentHelp(
            "Where it is held, as an IANA time zone such as Asia/Seoul: documents give times there.", valueName: "zone"))
        var timeZone: String?
        @Option(name: .customLong("comments-open"), help: ArgumentHelp(
            "When the public web form opens: YYYY-MM-DD or \"YYYY-MM-DD HH:MM\", in the hearing's time zone.", valueName: "date"))
        var commentsOpen: LocalDateTime?
        @Option(name: .customLong("comments-close"), help: ArgumentHelp(
            "When the public web form closes (a date alone: at the end of that day).", valueName: "date"))
        var commentsClose: LocalDateTime?

        /// Applies every field that was given to `hearing`; an empty text clears a field.
        func apply(to hearing: inout Hearing) {
            if let title { hearing.title = title }
            if let kind { hearing.kind = kind }
            if let date { hearing.startsAt = date }
            if let venue { hearing.venue = venue }
            if !organizers.isEmpty { hearing.organizers = organizers.filter { !$0.isEmpty } }
            if let plan { hearing.plan = plan }
            if let inPerson { hearing.attendanceInPerson = inPerson }
            if let online { hearing.attendanceOnline = online }
            if let lang { hearing.language = lang }
            if let timeZone { hearing.timeZone = timeZone }
            if let commentsOpen { hearing.commentsOpen = commentsOpen }
            if let commentsClose { hearing.commentsClose = commentsClose }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a hearing.",
            discussion: """
                Examples:
                  madang hearing add plan-4 --title "4th Smart City Plan"
                  madang hearing add plan-4 --title "4th Plan" --date "2024-01-05 14:00"
                  madang hearing add plan-4 --title Plan --kind public-hearing --venue "KRIHS"
                  madang hearing add plan-4 --title Plan --organizer MOLIT --organizer KRIHS
                  madang hearing add plan-4 --title "제4차 계획" --lang ko --time-zone Asia/Seoul
                  madang hearing add plan-4 --title Plan --comments-close "2026-12-10 18:00"
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "A short name to type in later commands: lowercase letters, digits and hyphens.")
        var slug: String
        @OptionGroup var fields: Fields

        func run() async throws {
            guard let title = fields.title else { throw ValidationError("Give the hearing a title with --title.") }
            var hearing = Hearing(slug: slug, title: title)
            fields.apply(to: &hearing)
            let stored = try await database.open().addHearing(hearing)
            print("Added hearing \(stored.slug). Next: madang panel add \(stored.slug) NAME --role chair")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the hearings, the most recent first.",
            discussion: """
                Examples:
                  madang hearing list
                  madang hearing list --json
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: JSONFlag

        func run() async throws {
            let hearings = try await database.open().hearings()
            if output.json { return try Console.printJSON(hearings.map(\.hearing)) }
            guard !hearings.isEmpty else {
                return print("No hearings yet. Add one with: madang hearing add SLUG --title TITLE")
            }
            var table = TextTable(header: ["SLUG", "DATE", "KIND", "ITEMS", "TITLE"])
            for summary in hearings {
                let hearing = summary.hearing
                table.append([hearing.slug, hearing.startsAt?.description ?? "", hearing.kind.rawValue,
                              String(summary.items), hearing.title])
            }
            print(table.rendered())
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a hearing's facts, panel and counts.",
            discussion: """
                Examples:
                  madang hearing show smart-city-plan-4
                  madang hearing show smart-city-plan-4 --json
                """)

        struct Details: Encodable {
            var hearing: Hearing
            var panel: [Participant]
            var items: [String: Int]
        }

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var slug: String
        @OptionGroup var output: JSONFlag

        func run() async throws {
            let details = try await database.open().hearing(slug)
            let (hearing, panel, counts) = (details.hearing, details.panel, details.counts)
            if output.json {
                let byName = Dictionary(uniqueKeysWithValues: ItemKind.allCases.map { ($0.rawValue, counts[$0] ?? 0) })
                return try Console.printJSON(Details(hearing: hearing, panel: panel.participants, items: byName))
            }
            var facts = TextTable(header: ["", ""])
            facts.maximumCellWidth = .max
            let attendance = [hearing.attendanceInPerson.map { "\($0) in person" }, hearing.attendanceOnline.map { "\($0) online" }]
                .compactMap { $0 }.joined(separator: ", ")
            for (label, value) in [
                ("Slug", hearing.slug), ("Title", hearing.title), ("Kind", hearing.kind.label),
                ("When", hearing.startsAt?.description ?? ""), ("Venue", hearing.venue ?? ""),
                ("Organizers", hearing.organizers.joined(separator: "; ")), ("Plan", hearing.plan ?? ""),
                ("Attendance", attendance), ("Language", hearing.language?.rawValue ?? ""), ("Time zone", hearing.timeZone ?? ""),
                ("Web form", [hearing.commentsOpen.map { "from \($0)" }, hearing.commentsClose.map { "until \($0)" }]
                    .compactMap { $0 }.joined(separator: " ")),
                ("Items", ItemKind.allCases.map { Count.of(counts[$0] ?? 0, $0.rawValue) }.joined(separator: ", ")),
            ] where !value.isEmpty {
                facts.append([label + ":", value])
            }
            print(facts.rendered().split(separator: "\n").dropFirst().joined(separator: "\n"))
            print("")
            print(PanelCommand.table(panel))
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a hearing's facts. Only the options given change; an empty text clears a field.",
            discussion: """
                Examples:
                  madang hearing edit smart-city-plan-4 --online 1200
                  madang hearing edit smart-city-plan-4 --venue "" --slug plan-4-hearing
                  madang hearing edit plan-4 --comments-close "2026-12-10 18:00"
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var slug: String
        @Option(name: .customLong("slug"), help: "A new slug.") var newSlug: String?
        @OptionGroup var fields: Fields

        func run() async throws {
            let (fields, newSlug) = (fields, newSlug)
            let edited = try await database.open().editHearing(slug) { hearing in
                fields.apply(to: &hearing)
                if let newSlug { hearing.slug = newSlug }
            }
            print("Updated hearing \(edited.slug).")
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a hearing with its panel, opinions, goals and tags; the audit log keeps the deletion.",
            discussion: """
                At a terminal you are asked to type the slug again; elsewhere, give it with --confirm.

                Examples:
                  madang hearing delete old-test
                  madang hearing delete old-test --confirm old-test
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var slug: String
        @Option(help: ArgumentHelp("The slug again, to confirm without being asked.", valueName: "slug"))
        var confirm: String?

        func run() async throws {
            let workspace = try await database.open()
            let details = try await workspace.hearing(slug)
            let count = details.counts.values.reduce(0, +)
            if confirm == nil, Console.inputIsTerminal {
                print("This deletes \(slug) (\(details.hearing.title)) with \(Count.of(count, "opinion")) and its panel. "
                    + "Type the slug again to go on: ", terminator: "")
                fflush(nil)
                guard readLine()?.trimmingCharacters(in: .whitespaces) == slug else {
                    throw CLIError("The slug did not match; nothing was deleted.")
                }
            } else if confirm != slug {
                throw CLIError(confirm == nil
                    ? "Deleting \(slug) needs --confirm \(slug) when no one can be asked; nothing was deleted."
                    : "--confirm '\(confirm ?? "")' is not '\(slug)'; nothing was deleted.")
            }
            try await workspace.deleteHearing(slug)
            print("Deleted \(slug) and its \(Count.of(count, "opinion")). `madang log` keeps a record of it.")
        }
    }
}

extension DocumentLanguage: ExpressibleByArgument {
    public init?(argument: String) { self.init(userText: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
