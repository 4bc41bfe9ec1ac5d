import ArgumentParser
import MadangCore
import MadangService

struct EditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Correct an item: its text, title, speaker, place in the speaking order, author, group or supporters.",
        discussion: """
            Give only what changes; an empty value ("") clears a title, author or group. The \
            audit log (`madang log HEARING`) keeps what was there before. An item whose text \
            changes is filed again under the hearing's goals; your tags on it stand.

            Examples:
              madang edit 12 --text "버스 노선 정보를 데이터허브에 공개해 주세요."
              madang edit 7 --speaker 3
              madang edit 7 --order 2
              madang edit 40 --group "광주 시민참여단" --supporters 1250
              madang edit 41 --author ""
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The item's id (see `madang items HEARING`).") var item: Int64
    @Option(help: "The opinion's text.") var text: String?
    @Option(help: "A comment's subject line or a proposal's title.") var title: String?
    @Option(help: "A statement's speaker: the number on the panel or the start of the name.") var speaker: String?
    @Option(help: ArgumentHelp("A statement's place in the speaking order; those between shift by one.", valueName: "n"))
    var order: Int?
    @Option(help: "The author's name, as given.") var author: String?
    @Option(help: "A proposal's group.") var group: String?
    @Option(help: "How many people support a proposal.") var supporters: Int?

    func validate() throws {
        if text == nil && title == nil && speaker == nil && order == nil && author == nil && group == nil && supporters == nil {
            throw ValidationError("Say what to change: --text, --title, --speaker, --order, --author, --group or --supporters.")
        }
        if let order, order < 1 { throw ValidationError("--order counts from 1, the first statement.") }
        if let supporters, supporters < 0 { throw ValidationError("--supporters cannot be negative.") }
    }

    func run() async throws {
        let workspace = try await database.open()
        let before = try await workspace.item(item)
        var after = before
        if text != nil || title != nil || speaker != nil || author != nil || group != nil || supporters != nil {
            after = try await workspace.editItem(item, ItemChange(
                body: text, title: title, speaker: speaker, author: author, group: group, supporters: supporters))
        }
        if let order { after = try await workspace.moveStatement(item, to: order) }
        let changed = [
            ("text", before.body != after.body), ("title", before.title != after.title),
            ("speaker", before.speaker != after.speaker), ("place in the speaking order", before.speakingOrder != after.speakingOrder),
            ("author", before.author != after.author),
            ("group", before.group != after.group), ("supporters", before.supporters != after.supporters),
        ].filter(\.1).map(\.0)
        print(changed.isEmpty
              ? "Item \(item) already reads so; nothing changed."
              : "Changed the \(changed.joined(separator: ", ")) of \(after.kind.rawValue) \(item).")
    }
}

struct WithdrawCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Take an item off the record, with the reason; it can be restored.",
        discussion: """
            A withdrawn item leaves digests, counts, search and listings (`madang items \
            HEARING --withdrawn` still shows it). It stays in the database, and the audit \
            log keeps who withdrew it, when and why.

            Examples:
              madang withdraw 12 --reason "The commenter asked for it to be withdrawn."
              madang withdraw 31 --reason "중복 접수"
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The item's id.") var item: Int64
    @Option(help: "Why it is withdrawn; the audit log keeps it.") var reason: String

    func run() async throws {
        let withdrawn = try await database.open().withdrawItem(item, reason: reason)
        print("Withdrew \(withdrawn.kind.rawValue) \(item). Bring it back with: madang restore \(item)")
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a withdrawn item back on the record, under the goals it had.",
        discussion: """
            Examples:
              madang restore 12
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The item's id.") var item: Int64

    func run() async throws {
        let restored = try await database.open().restoreItem(item)
        print("Restored \(restored.kind.rawValue) \(item).")
    }
}
