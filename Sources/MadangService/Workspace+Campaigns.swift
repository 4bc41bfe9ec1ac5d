import Foundation
import MadangCategorizer
import MadangCore
import MadangStore

extension Workspace {
    /// Groups the hearing's public opinions into campaigns anew, keeping every decision a
    /// person made (merge, split, detach), and returns the campaigns, largest first.
    ///
    /// `progress` is told, on the grouping thread, how far it has got.
    public func groupCampaigns(
        _ slug: String, progress: @escaping @Sendable (GroupingProgress) -> Void = { _ in }
    ) async throws -> CampaignList {
        try await run { store in
            let hearingID = try store.hearing(slug: slug).id ?? 0
            try Workspace.regroup(hearingID: hearingID, store: store, progress: progress)
            return try Workspace.campaignList(hearingID: hearingID, store: store)
        }
    }

    /// The hearing's campaigns, largest first, as last grouped.
    public func campaigns(_ slug: String) async throws -> CampaignList {
        try await run { store in try Workspace.campaignList(hearingID: try store.hearing(slug: slug).id ?? 0, store: store) }
    }

    static func campaignList(hearingID: Int64, store: Store) throws -> CampaignList {
        let campaigns = try store.campaigns(hearingID: hearingID)
        let counts = try store.itemCounts(hearingID: hearingID)
        let submissions = (counts[.comment] ?? 0) + (counts[.proposal] ?? 0)
        return CampaignList(campaigns: campaigns, submissions: submissions,
                            distinct: submissions - campaigns.reduce(0) { $0 + $1.size - 1 })
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
    static func regroup(hearingID: Int64, store: Store, progress: (GroupingProgress) -> Void = { _ in }) throws {
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
        var corpus = CampaignCorpus(own: CampaignFinder.decided(apart: apart, together: Array(together)))
        var sketched = 0
        try store.campaignTexts(hearingID: hearingID) { batch in
            corpus.add(batch.filter { !detached.contains($0.id) })
            sketched += batch.count
            progress(.sketched(sketched))
        }
        progress(.comparing(sketched))
        let groups = CampaignFinder().groups(corpus, apart: apart, together: Array(together))
        progress(.storing(campaigns: groups.count))
        try store.setCampaignKeys(hearingID: hearingID, corpus.campaignKeys, replacing: true)
        corpus = CampaignCorpus()  // the sketches are done with: their memory goes before the texts are read again
        // What each member adds to its letter: only members that are not copies of it are read again.
        var letterOf: [Int64: Int64] = [:]
        for group in groups {
            for member in group.members where !group.copies.contains(member) { letterOf[member] = group.representative }
        }
        let letters = Dictionary(uniqueKeysWithValues: try store.campaignTexts(ids: groups.map(\.representative)).map { ($0.id, $0.text) })
        // Mad-libs variants are read beside some of their fellow members.
        var readers: [Int64: CampaignAddition] = [:]
        for group in groups {
            let fellows = group.variants
                ? try store.campaignTexts(ids: Array(group.members.filter { $0 != group.representative }.prefix(48))).map(\.text) : []
            readers[group.representative] = CampaignAddition(letter: letters[group.representative] ?? "", variants: fellows)
        }
        var additions: [Int64: String] = [:]
        let variants = letterOf.keys.sorted()
        for start in stride(from: 0, to: variants.count, by: 8192) {
            let texts = try store.campaignTexts(ids: Array(variants[start..<min(variants.count, start + 8192)]))
            for (id, addition) in Workspace.additions(texts, letterOf: letterOf, readers: readers) { additions[id] = addition }
        }
        try store.replaceCampaigns(hearingID: hearingID, groups.map { group in
            (group.representative, group.members.map { ($0, additions[$0]) }, group.stored)
        })
        try store.shareCampaignGoals(hearingID: hearingID)
    }

    /// What each of `texts` adds to its letter, found on every core.
    static func additions(
        _ texts: [(id: Int64, text: String)], letterOf: [Int64: Int64], readers: [Int64: CampaignAddition]
    ) -> [(Int64, String)] {
        var found = [String?](repeating: nil, count: texts.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, texts.count / 64 + 1))
        found.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: texts.count, by: workers) {
                    guard let letter = letterOf[texts[index].id], let reader = readers[letter] else { continue }
                    out[index] = reader.addition(of: texts[index].text)
                }
            }
        }
        return zip(texts, found).compactMap { text, addition in addition.map { (text.id, $0) } }
    }

    /// Files new opinions into the hearing's campaigns as they arrive, without grouping the
    /// hearing again: each joins the campaign whose letter it copies or whose mad-libs phrases
    /// make it up (``CampaignArrivals``); an exact copy of an opinion in no campaign makes a
    /// campaign with it (in a hearing grouped by this version, whose opinions have campaign keys).
    static func joinCampaigns(hearingID: Int64, itemIDs: [Int64], store: Store) throws {
        guard !itemIDs.isEmpty else { return }
        let keyed = try store.hasCampaignKeys(hearingID: hearingID)
        guard try keyed || store.hasCampaigns(hearingID: hearingID) else { return }
        // Campaigns grouped before their letters' sketches were kept get them now, once.
        if let unsketched = try store.campaignsWithoutLetter(hearingID: hearingID) {
            try store.saveCampaignLetters(hearingID: hearingID, unsketched.map { ($0.id, CampaignSketch($0.text).stored) })
        }
        var arrivals = try CampaignArrivals(hearingID: hearingID, store: store)
        var joins: [(itemID: Int64, campaignID: Int64, addition: String?)] = []
        var formed: [Int64] = []
        for start in stride(from: 0, to: itemIDs.count, by: 8192) {
            let texts = try store.campaignTexts(ids: Array(itemIDs[start..<min(itemIDs.count, start + 8192)]))
            let sketches = texts.map { CampaignSketch($0.text) }
            if keyed { try store.setCampaignKeys(hearingID: hearingID, zip(texts, sketches).map { ($0.id, Int64(bitPattern: $1.key)) }) }
            for (text, sketch) in zip(texts, sketches) where sketch.grams > 0 {
                if let join = try arrivals.campaign(of: text, sketch: sketch) {
                    joins.append((text.id, join.campaignID, join.addition))
                } else if keyed, let other = try store.loneCopies(hearingID: hearingID, key: Int64(bitPattern: sketch.key), other: text.id)
                    .first(where: { try store.campaignTexts(ids: [$0]).first.map { CampaignSketch($0.text).key } == sketch.key }) {
                    let pair = [min(other, text.id), max(other, text.id)]
                    _ = try store.addCampaign(hearingID: hearingID, representative: pair[0], members: pair.map { ($0, nil) },
                                              letter: sketch.stored)
                    formed += pair
                }
            }
        }
        try store.addCampaignMembers(joins)
        try arrivals.save()
        let filed = joins.map(\.itemID) + formed
        if !filed.isEmpty { try store.shareCampaignGoals(hearingID: hearingID, itemIDs: filed) }
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

/// How far grouping a hearing's opinions into campaigns has got, for a front end to show.
public enum GroupingProgress: Sendable, Equatable {
    /// This many opinions read and sketched so far.
    case sketched(Int)
    /// The sketches of this many opinions are being compared.
    case comparing(Int)
    /// The campaigns found are being stored, each member with what it adds to its letter.
    case storing(campaigns: Int)
}
