import ArgumentParser
import Foundation
import MadangCore
import MadangService

/// The contact details a comment or proposal can carry, kept apart from the text.
struct ContactOptions: ParsableArguments {
    @Option(help: "The author's name. Digests show citizens by number, not by name.") var author: String?
    @Option(help: "The author's e-mail address (never printed in a digest).") var email: String?
    @Option(help: "The author's phone number (never printed in a digest).") var phone: String?

    var contact: Contact { Contact(email: email, phone: phone) }
}

/// Prints what an `add` command stored.
func report(_ item: Item, in hearing: String, json: Bool) throws {
    if json { return try Console.printJSON(item) }
    var line = "Added \(item.kind.rawValue) #\(item.id ?? 0) to \(hearing)"
    if let order = item.speakingOrder, let speaker = item.speaker {
        line += " (\(speaker), speaking order \(order))"
    }
    print(line + ".")
}

struct StatementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement", abstract: "Record what a panelist said.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add one statement by a participant; it takes the next place in the speaking order.",
            discussion: """
                For a whole session of remarks, `madang record` is quicker.

                Examples:
                  madang statement add plan-4 --speaker 2 "Data hubs need common standards."
                  madang statement add plan-4 --speaker nam "민간 기업의 데이터 가공을 지원해야 합니다."
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var hearing: String
        @Option(help: "Who said it: the number on the panel or the start of the name.") var speaker: String
        @Argument(help: "What they said.") var text: String
        @OptionGroup var output: JSONFlag

        func run() async throws {
            let item = try await database.open().addStatement(to: hearing, speaker: speaker, text: text)
            try report(item, in: hearing, json: output.json)
        }
    }
}

struct CommentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comment", abstract: "Record a comment from a member of the public.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a comment from a member of the public.",
            discussion: """
                Examples:
                  madang comment add plan-4 "버스 노선 정보를 데이터허브에 공개해 주세요." --channel online
                  madang comment add plan-4 "Publish the guidelines." --author "Lee Min-ji"
                  madang comment add plan-4 "Publish the data." --email minji@example.org
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var hearing: String
        @Argument(help: "The comment.") var text: String
        @Option(help: "A subject line, if the comment has one.") var title: String?
        @Option(help: "How it reached the hearing.") var channel: Channel?
        @OptionGroup var contact: ContactOptions
        @OptionGroup var output: JSONFlag

        func run() async throws {
            let item = try await database.open().addComment(
                to: hearing, text: text, title: title, author: contact.author, contact: contact.contact, channel: channel)
            try report(item, in: hearing, json: output.json)
        }
    }
}

struct ProposalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposal", abstract: "Record a proposal from a group or from one person.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a proposal from a citizen participation group, council or alliance, or from one person.",
            discussion: """
                Examples:
                  madang proposal add gwangju "Join the portals." --group GJ --title Portal
                  madang proposal add gwangju "Open data." --group GJ --title Data
                  madang proposal add gwangju "Buses." --title Bus --author "Kim Min-su"
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var hearing: String
        @Argument(help: "The proposal's text.") var text: String
        @Option(help: "The group that makes the proposal; without one, it is the author's own.") var group: String?
        @Option(help: "The proposal's title.") var title: String
        @Option(help: "How many people support it.") var supporters: Int?
        @OptionGroup var contact: ContactOptions
        @OptionGroup var output: JSONFlag

        func run() async throws {
            let item = try await database.open().addProposal(
                to: hearing, text: text, group: group, title: title, supporters: supporters, author: contact.author,
                contact: contact.contact)
            try report(item, in: hearing, json: output.json)
        }
    }
}
