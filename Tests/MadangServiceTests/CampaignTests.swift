import Foundation
import MadangCore
import MadangService
import Testing

@Suite("Campaigns in a hearing")
struct CampaignTests {
    static let letter = "소각장 건립 계획을 전면 재검토해 주십시오. 주거지와 학교가 가까워 주민 건강이 크게 우려됩니다. "
        + "환경영향평가를 다시 하고 주민 공청회를 한 번 더 열어 주시기 바랍니다."
    static let other = "We oppose the incinerator site. Move it to the industrial zone, away from homes and schools, "
        + "and publish the full emissions study."

    /// A hearing with five copies of one letter (one with a personal sentence), three of
    /// another, and two organic opinions.
    static func hearing() async throws -> (TemporaryWorkspace, [Int64]) {
        let temporary = try await TemporaryWorkspace()
        var ids: [Int64] = []
        for text in [letter, letter, letter.replacingOccurrences(of: " ", with: "  "), "저는 근처 학부모입니다. " + letter, letter,
                     other, other, other + " My child walks past the site.", "버스 노선을 늘려 주세요.", "공원을 더 만들어 주세요."] {
            ids.append(try #require(try await temporary.workspace.addComment(to: "h", text: text).id))
        }
        return (temporary, ids)
    }

    @Test("Grouping finds both campaigns; counts are submissions and distinct opinions; additions are kept")
    func grouping() async throws {
        let (temporary, ids) = try await CampaignTests.hearing()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        let steps = Steps()
        let campaigns = try await workspace.groupCampaigns("h") { steps.append($0) }.campaigns
        #expect(campaigns.map(\.size) == [5, 3])
        #expect(steps.all.last == .storing(campaigns: 2) && steps.all.contains(.comparing(10)), "\(steps.all)")
        #expect(campaigns[0].text == CampaignTests.letter, "the letter's most common form, as written")
        let list = try await workspace.campaigns("h")
        #expect(list.submissions == 10 && list.distinct == 4)
        let members = try await workspace.campaign(campaigns[0].id).members
        #expect(members.compactMap(\.item.id) == Array(ids[0..<5]))
        #expect(members[3].addition == "저는 근처 학부모입니다.")
        let context = try await workspace.digestContext("h")
        #expect(context.counts.distinctOpinions == 4 && context.counts.campaigns == 2)
        #expect(context.campaigns.map(\.size) == [5, 3])
        let quoted = context.otherOpinions.quotes.map(\.text)
        #expect(quoted.filter { $0.contains("환경영향평가") }.count <= 1, "a campaign is quoted once at most: \(quoted)")
        #expect(quoted.filter { $0.contains("emissions study") }.count <= 1, "\(quoted)")
        // A copy that arrives later joins its campaign without a regrouping.
        let late = try #require(try await workspace.addComment(to: "h", text: CampaignTests.other).id)
        #expect(try await workspace.items(of: "h").campaigns[late] == campaigns[1].id)
        // The whole campaign is answered at once.
        let answered = try await workspace.respond(
            "h", to: OpinionSelection(campaign: campaigns[0].id), ResponseChange(state: "부분반영", reason: "부지 선정은 별도 절차입니다"))
        #expect(answered.map(\.itemID) == Array(ids[0..<5]))
    }

    @Test("Merge, split and detach are a person's decisions that a later grouping keeps")
    func decisions() async throws {
        let (temporary, ids) = try await CampaignTests.hearing()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        let first = try await workspace.groupCampaigns("h").campaigns
        let merged = try await workspace.mergeCampaigns(first[0].id, first[1].id)
        #expect(merged.size == 8 && merged.id == first[0].id, "the larger campaign keeps its id")
        #expect(try await workspace.groupCampaigns("h").campaigns.map(\.size) == [8])
        try await workspace.detachFromCampaign(ids[4])
        _ = try await workspace.splitCampaign(merged.id, items: [ids[5], ids[6], ids[7]])
        let regrouped = try await workspace.groupCampaigns("h").campaigns
        #expect(regrouped.map(\.size) == [4, 3])
        let sizes = try await workspace.campaigns("h")
        #expect(sizes.distinct == 5)
        let log = try await workspace.auditLog(of: "h").map(\.action)
        #expect(log.contains("campaign.together") && log.contains("campaign.apart") && log.contains("campaign.detach"))
    }

    @Test("A campaign's members are filed as their letter is, unless a person decided otherwise")
    func sharedGoals() async throws {
        let temporary = try await CorrectionTests.withGoals()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        let letter = "Add more bus lines to the new town. The last bus leaves far too early for shift workers. "
            + "Please extend the evening service and publish the new timetable."
        var ids: [Int64] = []
        for text in [letter, letter, letter + " Also open the data on ridership.", letter] {
            ids.append(try #require(try await workspace.addComment(to: "h", text: text).id))
        }
        func goals(_ id: Int64) async throws -> [String] {
            try await workspace.items(of: "h").goals[id]?.map { "\($0.goalCode) \($0.source.rawValue)" } ?? []
        }
        #expect(try await goals(ids[2]) == ["T rule", "D rule"], "on its own, the addition files it under D too")
        try await workspace.decide(item: ids[3], goal: "D", tagged: true)
        _ = try await workspace.groupCampaigns("h")
        #expect(try await goals(ids[2]) == ["T rule"], "a member shares its letter's goals")
        #expect(try await goals(ids[3]) == ["T rule", "D person"], "a person's decision stands")
        _ = try await workspace.categorize("h")
        #expect(try await goals(ids[2]) == ["T rule"], "categorizing again keeps the campaign's filing")
        let late = try #require(try await workspace.addComment(to: "h", text: letter + " Publish the data too.").id)
        #expect(try await goals(late) == ["T rule"], "a copy that joins on arrival is filed as its letter")
    }

    @Test("The report gives a campaign's copies answered alike one row, from its first sender and the others")
    func reportRows() async throws {
        let (temporary, ids) = try await CampaignTests.hearing()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        let campaigns = try await workspace.groupCampaigns("h").campaigns
        _ = try await workspace.respond("h", to: OpinionSelection(campaign: campaigns[0].id),
                                        ResponseChange(state: "반영", text: "계획에 반영하겠습니다", publish: true))
        _ = try await workspace.respond("h", to: OpinionSelection(items: [ids[5]]),
                                        ResponseChange(state: "미반영", text: "부지는 바꾸지 않습니다", reason: "환경영향평가 결과", publish: true))
        let korean = try await workspace.reportContext("h", DocumentRequest(language: .ko))
        #expect(korean.counts.opinions == 10, "every copy is counted")
        let letterRows = korean.rows.filter { $0.opinion == CampaignTests.letter }
        #expect(letterRows.map(\.copies) == [5] && letterRows.first?.stateLabel == "반영")
        #expect(letterRows.first?.from.hasSuffix(" 외 4명") == true, "\(letterRows.map(\.from))")
        // The other campaign: the copy answered on its own is a row, the two unanswered another.
        let otherRows = korean.rows.filter { $0.opinion.hasPrefix("We oppose the incinerator") }
        #expect(otherRows.map(\.copies) == [1, 2])
        #expect(korean.rows.count == 1 + 2 + 2, "one row for the letter, two for the other campaign, two organic opinions")
        let english = try await workspace.reportContext("h", DocumentRequest(language: .en))
        #expect(english.rows.first { $0.copies == 5 }?.from.hasSuffix(" and 4 others") == true)
    }

    @Test("The demo's featured hearing holds a campaign; its digest and report count it")
    func demoCampaign() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        let result = try await workspace.runDemo(writingTo: temporary.folder)
        let list = try await workspace.campaigns("smart-city-plan-4")
        #expect(list.campaigns.map(\.size) == [24] && list.submissions == 31 && list.distinct == 8)
        let members = try await workspace.campaign(list.campaigns[0].id).members
        #expect(members.compactMap(\.addition).count == 3, "the three senders' own sentences are kept")
        let digest = try String(contentsOf: try #require(result.digests.first { $0.lastPathComponent == "smart-city-plan-4.ko.html" }),
                                encoding: .utf8)
        #expect(digest.contains("1개 묶음, 서로 다른 의견 8건"))
        let report = try String(contentsOf: try #require(result.digests.first { $0.lastPathComponent.hasSuffix("report.ko.html") }),
                                encoding: .utf8)
        #expect(report.contains(" 외 23명") && report.contains("1묶음(24건)"))
    }

    @Test("In a grouped hearing, a copy of an opinion in no campaign makes a campaign with it as it arrives")
    func campaignOnArrival() async throws {
        let (temporary, ids) = try await CampaignTests.hearing()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        #expect(try await workspace.groupCampaigns("h").campaigns.count == 2)
        // A copy of an organic opinion already in the hearing.
        let copy = try #require(try await workspace.addComment(to: "h", text: "버스 노선을  늘려 주세요!").id)
        var list = try await workspace.campaigns("h")
        #expect(list.campaigns.map(\.size) == [5, 3, 2] && list.distinct == 4)
        let formed = try #require(list.campaigns.last)
        #expect(formed.representativeID == ids[8] && formed.text == "버스 노선을 늘려 주세요.")
        // A third copy joins it through its letter; a new text alone makes nothing.
        let third = try #require(try await workspace.addComment(to: "h", text: "버스 노선을 늘려 주세요.").id)
        _ = try await workspace.addComment(to: "h", text: "도서관을 늦게까지 열어 주세요.")
        list = try await workspace.campaigns("h")
        #expect(list.campaigns.map(\.size) == [5, 3, 3])
        #expect(try await workspace.items(of: "h").campaigns[third] == formed.id)
        #expect(try await workspace.items(of: "h").campaigns[copy] == formed.id)
        // A key kept before an edit is stale: the edited opinion is no copy any more.
        _ = try await workspace.editItem(ids[9], ItemChange(body: "공원 대신 도서관을 지어 주세요."))
        _ = try await workspace.addComment(to: "h", text: "공원을 더 만들어 주세요.")
        #expect(try await workspace.campaigns("h").campaigns.count == 3)
        // Two copies of a new text in one import are a campaign too.
        let file = temporary.folder.appendingPathComponent("two.csv")
        try "body\n공원에 그늘막을 설치해 주세요.\n공원에 그늘막을 설치해 주세요\n".write(to: file, atomically: true, encoding: .utf8)
        _ = try await workspace.importFile(ImportRequest(hearing: "h", source: .file(path: file.path), kind: .comment))
        #expect(try await workspace.campaigns("h").campaigns.map(\.size) == [5, 3, 3, 2])
    }

    static let madLibs = [
        ["Dear Mayor,", "To the planning office,", "Dear council members,"],
        ["As a resident near the station,", "As a parent in this neighborhood,", "As a shop owner on Market Street,"],
        ["I oppose the logistics hub.", "I cannot accept the warehouse plan.", "I object to the freight depot."],
        ["Heavy trucks day and night", "Hundreds of lorries every day", "Freight traffic in our lanes"],
        ["will endanger children on their way to school.", "would make the school route unsafe.", "puts young pedestrians at risk."],
        ["Please review the site again", "Please postpone the decision", "Please start the plan over"],
        ["and hold a public briefing first.", "and consult residents before deciding.", "and listen to the neighborhood."],
    ]

    /// The mad-libs letter that takes synonym `choices[slot]` in each slot.
    static func madLibsLetter(_ choices: [Int]) -> String {
        zip(madLibs, choices).map { $0[$1] }.joined(separator: " ")
    }

    @Test("A mad-libs variant that arrives after grouping joins its campaign by its phrases; an opinion borrowing one of them does not")
    func variantOnArrival() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        var state: UInt64 = 7
        let letters = (0..<30).map { _ in
            CampaignTests.madLibsLetter(CampaignTests.madLibs.map { slot in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int((state >> 33) % UInt64(slot.count))
            })
        }
        for text in letters + ["Bus 12 should run every ten minutes at rush hour.", "The library should open on Sundays."] {
            _ = try await workspace.addComment(to: "h", text: text)
        }
        let grouped = try #require(try await workspace.groupCampaigns("h").campaigns.first)
        #expect(grouped.size == 30)
        // Each of its phrases another synonym than the letter's: no near-copy of it.
        let letterChoices = try #require(CampaignTests.madLibs.map { slot in slot.firstIndex { grouped.text.contains($0) } } as? [Int])
        let late = CampaignTests.madLibsLetter(letterChoices.map { ($0 + 1) % 3 })
        let joined = try #require(try await workspace.addComment(to: "h", text: late).id)
        let borrowing = try #require(try await workspace.addComment(
            to: "h", text: "I oppose the logistics hub. The bus depot on Elm Road floods every summer and the drains "
                + "have not been cleared for years; please fix them before the rainy season starts again.").id)
        let campaigns = try await workspace.items(of: "h").campaigns
        #expect(campaigns[joined] == grouped.id, "the variant joins on arrival")
        #expect(campaigns[borrowing] == nil)
        let members = try await workspace.campaign(grouped.id).members
        #expect(members.count == 31)
        #expect(members.first { $0.item.id == joined }?.addition == nil, "its choices of synonyms are not something it adds")
    }
}

/// What a progress callback was told, in order.
final class Steps: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [GroupingProgress] = []

    func append(_ step: GroupingProgress) { lock.withLock { steps.append(step) } }
    var all: [GroupingProgress] { lock.withLock { steps } }
}
