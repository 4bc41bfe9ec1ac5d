import ArgumentParser
import MadangCore
import MadangService

struct PanelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panel",
        abstract: "Register a hearing's chair, panelists, presenters and officials, in order.",
        subcommands: [Add.self, List.self, Edit.self, Remove.self])

    /// Prints what the organizer should look at again, on standard error.
    static func warn(_ warnings: [PanelWarning]) {
        for warning in warnings { Console.error("Note: \(warning)") }
    }

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
            PanelCommand.warn(try await database.open().panel(hearing).warnings)
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

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a person on a hearing's panel, or move them to another place.",
            discussion: """
                Give only what changes; --affiliation "" clears it. Their statements stay \
                theirs. The audit log keeps what was there before.

                Examples:
                  madang panel edit plan-4 2 --affiliation "Kyungsung University"
                  madang panel edit plan-4 3 --role chair
                  madang panel edit plan-4 4 --order 1
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var hearing: String
        @Argument(help: "The person's number on the panel.") var number: Int
        @Option(help: "The name, as it should be printed.") var name: String?
        @Option(help: "chair, panelist, presenter or official (좌장, 토론자, 발표자, 공무원 also work).")
        var role: ParticipantRole?
        @Option(help: "Organization and title.") var affiliation: String?
        @Option(help: "Their new place in the panel's order, from 1.") var order: Int?

        func validate() throws {
            if name == nil && role == nil && affiliation == nil && order == nil {
                throw ValidationError("Say what to change: --name, --role, --affiliation or --order.")
            }
            if let order, order < 1 { throw ValidationError("--order is a place in the panel, and places start at 1.") }
        }

        func run() async throws {
            let (participant, warnings) = try await database.open().editParticipant(
                in: hearing, number: number, name: name, affiliation: affiliation, role: role, moveTo: order)
            print("Number \(participant.position) on the panel of \(hearing) is now \(participant.nameWithAffiliation), "
                  + "\(participant.role.rawValue).")
            PanelCommand.warn(warnings)
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take a person off a hearing's panel; those after move up one place.",
            discussion: """
                Someone who has statements on the record stays until --reassign names who \
                said them instead (by their number before the removal).

                Examples:
                  madang panel remove plan-4 5
                  madang panel remove plan-4 2 --reassign 3
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var hearing: String
        @Argument(help: "The person's number on the panel.") var number: Int
        @Option(help: "Give their statements to the person with this number.") var reassign: Int?

        func run() async throws {
            let (participant, moved) = try await database.open().removeParticipant(
                from: hearing, number: number, reassignTo: reassign)
            var line = "Took \(participant.name) off the panel of \(hearing)"
            if let reassign, moved > 0 {
                line += "; \(moved == 1 ? "their statement is" : "their \(moved) statements are") now under the person who was number \(reassign)"
            }
            print(line + ".")
        }
    }
}

