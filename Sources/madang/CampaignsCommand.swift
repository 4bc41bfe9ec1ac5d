import ArgumentParser
import Foundation
import MadangCore
import MadangService

struct CampaignsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaigns",
        abstract: "Group identical and near-identical submissions into campaigns, list them, and correct the grouping.",
        discussion: """
            A campaign is a letter sent many times: exact copies (spacing, punctuation and a \
            signature aside), copies with typos or a paragraph left out, and copies with a \
            personal sentence added, which is kept as the member's addition. A new opinion joins \
            the campaign it copies as it arrives, and an exact copy of an opinion in no \
            campaign makes one with it; `madang campaigns group HEARING` groups the whole \
            hearing again (near-copies of opinions in no campaign wait for it). merge, split \
            and detach are your decisions: every later grouping keeps them, and the audit log \
            has them.

            Examples:
              madang campaigns group plan-4
              madang campaigns list plan-4
              madang campaigns show 3
              madang campaigns merge 3 5
              madang campaigns split 3 41 42
              madang campaigns detach 57
            """,
        subcommands: [Group.self, List.self, Show.self, Merge.self, Split.self, Detach.self])

    /// Prints the counts and the campaigns, largest first: the `limit` largest, if given.
    static func show(_ list: CampaignList, hearing: String, limit: Int? = nil) {
        print("\(Count.of(list.submissions, "submission")), \(Count.of(list.campaigns.count, "campaign")) "
                    + "and \(Count.of(list.distinct, "distinct opinion")) in \(hearing).")
        guard !list.campaigns.isEmpty else { return }
        var table = TextTable(header: ["ID", "SIZE", "SHARE", "LETTER"], maximumCellWidth: 70)
        defer {
            if let limit, list.campaigns.count > limit {
                print("… and \(Count.of(list.campaigns.count - limit, "smaller campaign")): madang campaigns list \(hearing)")
            }
        }
        for campaign in list.campaigns.prefix(limit ?? list.campaigns.count) {
            let share = list.submissions == 0 ? 0 : Double(campaign.size) / Double(list.submissions)
            table.append([String(campaign.id), String(campaign.size), share.formatted(.percent.precision(.fractionLength(1))),
                          campaign.text])
        }
        print(table.rendered(rightAligned: [1, 2]))
    }

    struct Group: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Group a hearing's public opinions into campaigns anew.",
            discussion: """
                Examples:
                  madang campaigns group plan-4
                """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var hearing: String

        func run() async throws {
            let workspace = try await database.open()
            let line = ProgressLine()
            let list = try await workspace.groupCampaigns(hearing) { step in
                switch step {
                case .sketched(let count): line.say("\(count) opinions read")
                case .comparing(let count): line.say("comparing \(count) opinions…", now: true)
                case .storing(let campaigns): line.say("storing \(campaigns) campaigns…", now: true)
                }
            }
            line.finish()
            CampaignsCommand.show(list, hearing: hearing, limit: 20)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a hearing's campaigns, largest first: id, size, share of submissions, the letter.",
            discussion: """
                Examples:
                  madang campaigns list plan-4 --json
                """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The hearing's slug.") var hearing: String
        @OptionGroup var output: JSONFlag

        func run() async throws {
            let list = try await database.open().campaigns(hearing)
            if output.json {
                struct Listed: Encodable {
                    var submissions: Int
                    var distinct: Int
                    var campaigns: [Campaign]
                }
                return try Console.printJSON(Listed(submissions: list.submissions, distinct: list.distinct, campaigns: list.campaigns))
            }
            CampaignsCommand.show(list, hearing: hearing)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a campaign's members and what each added to the letter.",
            discussion: """
                Examples:
                  madang campaigns show 3
                """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The campaign's id.") var id: Int64
        @OptionGroup var output: JSONFlag

        func run() async throws {
            let campaign = try await database.open().campaign(id)
            if output.json { return try Console.printJSON(campaign) }
            print("Campaign \(id): \(Count.of(campaign.campaign.size, "opinion")). The letter (item \(campaign.campaign.representativeID)):")
            print(campaign.campaign.text.split(whereSeparator: \.isNewline).map { "  " + Text.displayable(String($0)) }.joined(separator: "\n") + "\n")
            var table = TextTable(header: ["ITEM", "ADDED TO THE LETTER"], maximumCellWidth: 80)
            for member in campaign.members {
                table.append([String(member.item.id ?? 0), member.addition ?? ""])
            }
            print(table.rendered())
        }
    }

    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make two campaigns one; later groupings keep it so.",
            discussion: """
                Examples:
                  madang campaigns merge 3 5
                """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "One campaign's id.") var first: Int64
        @Argument(help: "The other's.") var second: Int64

        func run() async throws {
            let merged = try await database.open().mergeCampaigns(first, second)
            print("Campaign \(merged.id) now holds \(Count.of(merged.size, "opinion")).")
        }
    }

    struct Split: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take items out of a campaign into one of their own (one item: into none); later groupings keep it so.",
            discussion: """
                Examples:
                  madang campaigns split 3 41 42
                """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The campaign's id.") var id: Int64
        @Argument(help: "The items to take out.") var items: [Int64]

        func validate() throws {
            if items.isEmpty { throw ValidationError("Name the items to take out of the campaign.") }
        }

        func run() async throws {
            _ = try await database.open().splitCampaign(id, items: items)
            print("Took \(Count.of(items.count, "item")) out of campaign \(id).")
        }
    }

    struct Detach: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Say an item belongs to no campaign; later groupings keep it so.",
            discussion: """
                Examples:
                  madang campaigns detach 57
                """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The item's id.") var item: Int64

        func run() async throws {
            try await database.open().detachFromCampaign(item)
            print("Item \(item) belongs to no campaign now.")
        }
    }
}
