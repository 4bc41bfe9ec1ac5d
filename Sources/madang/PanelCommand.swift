import ArgumentParser
import MadangCore
import MadangService

struct PanelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panel",
        abstract: "Register a hearing's chair, panelists, presenters and officials, in order.",
        subcommands: [Add.self, List.self])

    static func table(_ panel: Panel) -> String {
        guard !panel.participants.isEmpty else { return "No panel yet. Add people with: madang panel add HEARING NAME --role panelist" }
        var table = TextTable(header: ["#", "NAME", "ROLE", "AFFILIATION"])
        for p in panel.participants {
            table.append([String(p.position), p.name, p.role.rawValue, p.affiliation ?? ""])
        }
        return table.rendered()
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a person to a hearing's panel.",
            discussion: """
                People are numbered in the order they are added; --order puts someone at a \
                given place and moves the others down. The number is what you type in \
                `madang record` to pick the speaker.

                Examples:
                  madang panel add plan-4 "Kim Gap-seong" --role chair --affiliation Yonsei
                  madang panel add plan-4 "Nam Gwang-woo" --affiliation "Kyungsung University"
                  madang panel add plan-4 "남광우" --role 토론자 --order 2
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var hearing: String
        @Argument(help: "The person's name, as it should be printed.") var name: String
        @Option(help: "chair, panelist, presenter or official (좌장, 토론자, 발표자, 공무원 also work).")
        var role: ParticipantRole = .panelist
        @Option(help: "Organization and title.") var affiliation: String?
        @Option(help: "Place in the panel's order, from 1.") var order: Int?

        func validate() throws {
            if let order, order < 1 { throw ValidationError("--order is a place in the panel, and places start at 1.") }
        }

        func run() async throws {
            let participant = try await database.open().addParticipant(
                to: hearing, name: name, affiliation: affiliation, role: role, position: order)
            print("Added \(participant.name) to \(hearing) as \(participant.role.rawValue) number \(participant.position).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a hearing's panel in order.",
            discussion: """
                Examples:
                  madang panel list smart-city-plan-4
                  madang panel list smart-city-plan-4 --json
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var hearing: String
        @OptionGroup var output: JSONFlag

        func run() async throws {
            let panel = try await database.open().panel(hearing)
            if output.json { return try Console.printJSON(panel.participants) }
            print(PanelCommand.table(panel))
        }
    }
}
