import Foundation
import MadangCategorizer
import MadangCore
import MadangStore

extension Workspace {
    /// Groups the hearing's public opinions into campaigns anew, keeping every decision a
    /// person made (merge, split, detach), and returns the campaigns, largest first.
    public func groupCampaigns(_ slug: String) async throws -> [Campaign] {
        try await run { store in
            let hearingID = try store.hearing(slug: slug).id ?? 0
            try Workspace.regroup(hearingID: hearingID, store: store)
            return try store.campaigns(hearingID: hearingID)
        }
    }

    /// The hearing's campaigns, largest first, as last grouped.
    public func campaigns(_ slug: String) async throws -> CampaignList {
        try await run { store in
            let hearingID = try store.hearing(slug: slug).id ?? 0
            let campaigns = try store.campaigns(hearingID: hearingID)
            let counts = try store.itemCounts(hearingID: hearingID)
            let submissions = (counts[.comment] ?? 0) + (counts[.proposal] ?? 0)
            return CampaignList(campaigns: campaigns, submissions: submissions,
                                distinct: submissions - campaigns.reduce(0) { $0 + $1.size - 1 })
        }
    }

    /// One campaign, its members and what each added.
    public func campaign(_ id: Int64) async throws -> CampaignMembers {
        try await run { store in try store.campaign(id: id) }
    }

    /// A person's decision that campaigns `a` and `b` are one; the hearing is grouped again.
    public func mergeCampaigns(_ a: Int64, _ b: Int64) async throws -> Campaign {
        try await run { store in
            let (first, second) = (try store.campaign(id: a).campaign, try store.campaign(id: b).campaign)
            try store.decideCampaigns(hearingID: first.hearingID, [.together(first.representativeID, second.representativeID)])
            try Workspace.regroup(hearingID: first.hearingID, store: store)
            let ids = try store.campaignIDs(itemIDs: [first.representativeID])
            return try store.campaign(id: ids[first.representativeID] ?? a).campaign
        }
    }

    /// A person's decision that `items` of campaign `id` are a campaign of their own (or, one
    /// item alone, none); the hearing is grouped again.
    public func splitCampaign(_ id: Int64, items: [Int64]) async throws -> [Campaign] {
        try await run { store in
            let campaign = try store.campaign(id: id)
            let members = Set(campaign.members.compactMap(\.item.id))
            if let stranger = items.first(where: { !members.contains($0) }) { throw StoreError.unknownItem(id: stranger) }
            let rest = members.subtracting(items)
            var decisions: [CampaignDecision] = items.flatMap { item in rest.sorted().map { CampaignDecision.apart(item, $0) } }
            decisions += items.dropFirst().map { CampaignDecision.together(items[0], $0) }
            if items.count == 1 { decisions.append(.detach(items[0])) }
            try store.decideCampaigns(hearingID: campaign.campaign.hearingID, decisions)
            try Workspace.regroup(hearingID: campaign.campaign.hearingID, store: store)
            return try store.campaigns(hearingID: campaign.campaign.hearingID)
        }
    }

    /// A person's decision that `item` belongs to no campaign; the hearing is grouped again.
    public func detachFromCampaign(_ item: Int64) async throws {
        try await run { store in
            let hearingID = try store.item(id: item).hearingID
            try store.decideCampaigns(hearingID: hearingID, [.detach(item)])
            try Workspace.regroup(hearingID: hearingID, store: store)
        }
    }

    /// Groups a hearing's public opinions with people's decisions applied, a later decision
    /// about a pair overriding an earlier one.
    static func regroup(hearingID: Int64, store: Store) throws {
        var apart = Set<CampaignFinder.Pair>(), together = Set<CampaignFinder.Pair>(), detached = Set<Int64>()
        for decision in try store.campaignDecisions(hearingID: hearingID) {
            switch decision {
            case .together(let a, let b):
                apart.remove(CampaignFinder.Pair(a, b))
                together.insert(CampaignFinder.Pair(a, b))
                detached.subtract([a, b])
            case .apart(let a, let b):
                together.remove(CampaignFinder.Pair(a, b))
                apart.insert(CampaignFinder.Pair(a, b))
            case .detach(let a):
                detached.insert(a)
                together = together.filter { $0.first != a && $0.second != a }
            }
        }
        let texts = try store.campaignTexts(hearingID: hearingID).filter { !detached.contains($0.id) }
        let byID = Dictionary(uniqueKeysWithValues: texts.map { ($0.id, $0.text) })
        let groups = CampaignFinder().groups(
            texts.map { CampaignFinder.Text(id: $0.id, text: $0.text) }, apart: apart, together: Array(together))
        try store.replaceCampaigns(hearingID: hearingID, groups.map { members in
            let representative = Workspace.representative(of: members, texts: byID)
            let letter = byID[representative] ?? ""
            return (representative, members.map { id in
                (id, id == representative ? nil : CampaignFinder.addition(of: byID[id] ?? "", to: letter))
            })
        })
        try store.shareCampaignGoals(hearingID: hearingID)
    }

    /// The member whose text is the campaign's most common form (compared as grouping
    /// compares), and among those the most common exact text, the earliest of them.
    static func representative(of members: [Int64], texts: [Int64: String]) -> Int64 {
        func commonest(_ ids: [Int64], by key: (Int64) -> String) -> [Int64] {
            let groups = Dictionary(grouping: ids, by: key)
            return groups.values.max { ($0.count, -($0.min() ?? 0)) < ($1.count, -($1.min() ?? 0)) } ?? ids
        }
        let form = commonest(members) { id in
            String(String.UnicodeScalarView(CampaignFinder.normalized(texts[id] ?? "").unicodeScalars.filter {
                $0.properties.isAlphabetic || $0.properties.numericType != nil
            }))
        }
        return commonest(form) { texts[$0]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }.min() ?? members[0]
    }

    /// Files new opinions into the hearing's existing campaigns as they arrive, without
    /// grouping the hearing again: each joins the campaign whose letter it copies.
    static func joinCampaigns(hearingID: Int64, itemIDs: [Int64], store: Store) throws {
        let campaigns = try store.campaigns(hearingID: hearingID)
        guard !campaigns.isEmpty, !itemIDs.isEmpty else { return }
        let wanted = Set(itemIDs)
        let texts = try store.campaignTexts(hearingID: hearingID, from: itemIDs.min() ?? 0).filter { wanted.contains($0.id) }
        let matches = CampaignFinder().letters(
            of: texts.map { CampaignFinder.Text(id: $0.id, text: $0.text) },
            among: campaigns.map { CampaignFinder.Text(id: $0.id, text: $0.text.replacingOccurrences(of: " — ", with: "\n")) })
        let byID = Dictionary(uniqueKeysWithValues: campaigns.map { ($0.id, $0) })
        let joins = texts.compactMap { text -> (itemID: Int64, campaignID: Int64, addition: String?)? in
            guard let campaign = matches[text.id].flatMap({ byID[$0] }) else { return nil }
            return (text.id, campaign.id, CampaignFinder.addition(of: text.text, to: campaign.text))
        }
        try store.addCampaignMembers(joins)
        if !joins.isEmpty { try store.shareCampaignGoals(hearingID: hearingID, itemIDs: joins.map(\.itemID)) }
    }
}

/// A hearing's campaigns and what they mean for counting.
public struct CampaignList: Sendable {
    public var campaigns: [Campaign]
    /// Comments and proposals, every copy counted.
    public var submissions: Int
    /// Submissions with each campaign counted once.
    public var distinct: Int
}
