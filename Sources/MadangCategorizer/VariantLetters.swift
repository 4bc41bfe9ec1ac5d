import Dispatch
import Foundation
import MadangCore

/// Campaigns of "mad-libs" letters, whose every phrase is chosen from a few synonyms: two
/// copies share only some of their phrases, often too few to be near-copies, yet each copy is
/// made of phrases the campaign's other copies use, in the same places. Opinions that merely
/// share a sentence or some vocabulary are not: most of what each says is its own, and stock
/// sentences strung together in any order do not come in the same places.
///
/// The texts looked at are the groups found so far and the forms in none ("units"), with the
/// pairs banding found somewhat similar but not enough to join. From each unit in turn (the
/// most connected first), the units most like it (``start``) that it reaches in two such
/// steps form a trial group; units whose sampled 4-grams the rest of the group does not use in
/// the same place (``covered``), or that lack the group's fixed wording (``fixed``), leave it,
/// one round after another; then the units the group's phrases cover join it, as far as the
/// pairs reach. A group of ``fewest`` units or more is a campaign, and a smaller one joins a
/// larger one that covers most of it.
struct VariantLetters {
    /// Share of a unit's sampled 4-grams that the rest of its group must use.
    var covered = 0.85
    /// Estimated Jaccard similarity to the first unit at which a unit enters the trial group.
    var start = 0.3
    /// The most units a trial group holds: enough to know a campaign's phrases.
    var trial = 16
    /// The fewest units a campaign of variants has.
    var fewest = 3
    /// A 4-gram is used by a group when at least this share of its other members have it
    /// (and at least one): a phrase of a few members of another campaign does not count.
    var common = 0.05
    /// Share of a group's members that hold the 4-grams of its fixed wording (its site, its
    /// own sentence), which every member must mostly hold, as much as ``covered``: another
    /// campaign built on some of the same stock phrases differs there.
    var fixed = 0.9
    /// The fewest 4-grams a unit's sample must hold to be judged: a very short text says too
    /// little about its phrases.
    var evidence = 8

    /// The campaigns among `units` (each a list of forms, its most copied form first), as
    /// lists of unit numbers; `pairs` are pairs of forms found somewhat similar.
    func groups(_ corpus: CampaignCorpus, units: [[Int]], pairs: inout [(Int32, Int32)]) -> [[Int]] {
        guard units.count >= fewest else { return [] }
        var unitOf = [Int32](repeating: -1, count: corpus.forms)
        for (number, forms) in units.enumerated() where corpus.sample(forms[0]).count >= evidence {
            for form in forms { unitOf[form] = Int32(number) }
        }
        var unitPairs: [(Int32, Int32)] = []
        unitPairs.reserveCapacity(pairs.count)
        for pair in pairs {
            let (a, b) = (unitOf[Int(pair.0)], unitOf[Int(pair.1)])
            if a >= 0 && b >= 0 && a != b { unitPairs.append((a, b)) }
        }
        pairs = []
        let neighbors = Adjacency(&unitPairs, count: units.count)
        let sample = { (unit: Int) in corpus.sample(units[unit][0]) }
        let seeds = units.indices.filter { neighbors.count($0) >= fewest - 1 }
            .sorted { (neighbors.count($0), -$0) > (neighbors.count($1), -$1) }
        // Which seeds start a campaign when nothing is taken yet, found on every core: few do,
        // and only those are looked at again, in order, with what earlier ones took.
        var promising = [Bool](repeating: false, count: seeds.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, seeds.count / 256 + 1))
        promising.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var seen = [Int](repeating: -1, count: units.count)
                let none = [Bool](repeating: false, count: units.count)
                for index in stride(from: worker, to: seeds.count, by: workers) {
                    out[index] = trialGroup(seeds[index], corpus, units: units, neighbors: neighbors, taken: none, seen: &seen) != nil
                }
            }
        }
        var taken = [Bool](repeating: false, count: units.count)
        var seen = [Int](repeating: -1, count: units.count)
        var found: [(group: Group, core: Set<UInt16>)] = []
        for (index, seed) in seeds.enumerated() where promising[index] && !taken[seed] {
            guard let (members, core) = trialGroup(seed, corpus, units: units, neighbors: neighbors, taken: taken, seen: &seen) else {
                continue
            }
            var group = Group(common: common)
            for unit in members { group.add(unit, sample(unit)) }
            // Units the group's phrases cover join it, as far as the pairs reach; one turned
            // away is looked at again once the group has grown by a quarter.
            var waiting = Array(Set(group.members.flatMap { neighbors[$0] }).subtracting(group.members)).sorted()
            var queued = Set(waiting)
            var sizeAtLastLook = 0
            while !waiting.isEmpty, group.members.count * 4 >= sizeAtLastLook * 5 {
                sizeAtLastLook = group.members.count
                var turnedAway: [Int] = []
                while let unit = waiting.popLast() {
                    guard !taken[unit], !group.members.contains(unit) else { continue }
                    if VariantLetters.holds(sample(unit), core, covered) && group.coverage(sample(unit)) >= covered {
                        group.add(unit, sample(unit))
                        for next in neighbors[unit] where !taken[next] && !group.members.contains(next) && queued.insert(next).inserted {
                            waiting.append(next)
                        }
                    } else {
                        turnedAway.append(unit)
                    }
                }
                waiting = turnedAway
            }
            for unit in group.members { taken[unit] = true }
            found.append((group, core))
        }
        // A campaign found from two seeds, each group knowing too few of its phrases to take
        // the other's units, is one: the smaller joins a larger neighbor that covers most of it.
        var owner = [Int](repeating: -1, count: units.count)
        for (number, campaign) in found.enumerated() { for unit in campaign.group.members { owner[unit] = number } }
        for small in found.indices.sorted(by: { (found[$0].group.members.count, $0) < (found[$1].group.members.count, $1) }) {
            let members = found[small].group.members
            let near = Set(members.flatMap { neighbors[$0] }.map { owner[$0] }).subtracting([-1, small])
                .filter { found[$0].group.members.count >= members.count }.sorted()
            guard let large = near.first(where: { large in
                let fits = members.count { unit in
                    VariantLetters.holds(sample(unit), found[large].core, covered) && found[large].group.coverage(sample(unit)) >= covered
                }
                return 4 * fits >= 3 * members.count
            }) else { continue }
            for unit in members {
                found[large].group.add(unit, sample(unit))
                owner[unit] = large
            }
            found[small].group.members = []
        }
        return found.map { $0.group.members.sorted() }.filter { !$0.isEmpty }
    }

    /// What a campaign whose members' samples are `samples` is made of, kept to recognize its
    /// variants as they arrive (``admits(_:_:)``).
    func phrases(_ samples: [ArraySlice<UInt16>]) -> LetterPhrases {
        var holders: [UInt16: Int32] = [:]
        for sample in samples { for gram in Set(sample) { holders[gram, default: 0] += 1 } }
        let core = Held(samples.flatMap { $0 }).core(fixed, of: samples.count)
        return LetterPhrases(members: samples.count, grams: Array(holders.keys), holders: Array(holders.values), core: Array(core))
    }

    /// The share of `sample` that a campaign made of `phrases` uses, as a unit joins a group
    /// it is found in: nil when `sample` says too little, lacks the campaign's fixed wording,
    /// or is covered less than ``covered``.
    func admits(_ sample: ArraySlice<UInt16>, _ phrases: LetterPhrases) -> Double? {
        guard sample.count >= evidence, phrases.members > 0,
              VariantLetters.holds(sample, core: phrases.core.count, covered, isCore: phrases.isCore) else { return nil }
        let coverage = VariantLetters.coverage(sample, common: common, of: phrases.members, held: phrases.holders(in:))
        return coverage >= covered ? coverage : nil
    }

    /// The trial group of `seed` (the units most like it within two steps, none `taken`),
    /// once the units the rest does not cover have left it, one round after another; nil
    /// when the seed leaves or fewer than ``fewest`` stay. `seen` is scratch space, a number
    /// per unit.
    func trialGroup(
        _ seed: Int, _ corpus: CampaignCorpus, units: [[Int]], neighbors: Adjacency, taken: [Bool], seen: inout [Int]
    ) -> (members: [Int], core: Set<UInt16>)? {
        let sample = { (unit: Int) in corpus.sample(units[unit][0]) }
        var reached: [Int] = []
        seen[seed] = seed
        func reach(_ unit: Int) -> Bool {
            guard !taken[unit], seen[unit] != seed else { return false }
            seen[unit] = seed
            reached.append(unit)
            return reached.count >= 4 * trial
        }
        around: for near in neighbors[seed] {
            if reach(near) { break around }
            for far in neighbors[near] where reach(far) { break around }
        }
        let signature = corpus.signature(units[seed][0])
        let alike = reached.map { ($0, CampaignSketch.resemblance(signature, corpus.signature(units[$0][0]))) }
            .filter { $0.1 >= start }
        guard alike.count >= fewest - 1 else { return nil }
        // The fixed wording is read from every unit like the seed, not from the closest only:
        // those share the seed's choices of synonyms, which would pass for fixed wording.
        let core = Held(([seed] + alike.map(\.0)).flatMap { sample($0) }).core(fixed, of: alike.count + 1)
        var members = [seed] + alike.sorted(by: { ($0.1, -$0.0) > ($1.1, -$1.0) }).prefix(trial - 1).map(\.0)
        while members.count >= fewest {
            let held = Held(members.flatMap { sample($0) })
            let staying = members.filter {
                held.coverage(sample($0), others: members.count - 1, common: common, own: 1) >= covered
                    && VariantLetters.holds(sample($0), core, covered)
            }
            guard staying.count < members.count else { break }
            members = staying
        }
        return members.first == seed && members.count >= fewest ? (members, core) : nil
    }

    /// A trial group: its members and how many of them hold each sampled 4-gram.
    struct Group {
        var common: Double
        var members: Set<Int> = []
        var holders: [UInt16: Int32] = [:]

        mutating func add(_ unit: Int, _ sample: ArraySlice<UInt16>) {
            members.insert(unit)
            for gram in sample { holders[gram, default: 0] += 1 }
        }

        /// The share of `sample` that the group's other members use (in its place or the next
        /// either side).
        func coverage(_ sample: ArraySlice<UInt16>) -> Double {
            VariantLetters.coverage(sample, common: common, of: members.count) { places in
                places.reduce(0) { $0 + Int(holders[$1] ?? 0) }
            }
        }
    }

    /// The sampled 4-grams of a few units, sorted, to count who holds what without hashing.
    struct Held {
        let grams: [UInt16]

        init(_ grams: [UInt16]) {
            self.grams = grams.sorted()
        }

        /// How many of the grams lie in `low...high`.
        func count(_ low: UInt16, _ high: UInt16) -> Int {
            first(after: high) - first(notBelow: low)
        }

        private func first(notBelow value: UInt16) -> Int {
            var (low, high) = (0, grams.count)
            while low < high {
                let middle = (low + high) / 2
                if grams[middle] < value { low = middle + 1 } else { high = middle }
            }
            return low
        }

        private func first(after value: UInt16) -> Int {
            value == .max ? grams.count : first(notBelow: value + 1)
        }

        /// The share of `sample` held, in its place or the next either side, by at least
        /// `common` of `others` units (and one), not counting the `own` copy of each.
        func coverage(_ sample: ArraySlice<UInt16>, others: Int, common: Double, own: Int) -> Double {
            VariantLetters.coverage(sample, common: common, of: others) { count($0.lowerBound, $0.upperBound) - own }
        }

        /// The 4-grams (wherever they come) that at least `share` of `members` units hold.
        func core(_ share: Double, of members: Int) -> Set<UInt16> {
            let needed = Int((share * Double(members)).rounded(.up))
            var core = Set<UInt16>()
            var start = 0
            while start < grams.count {
                let bare = grams[start] & ~CampaignSketch.placeMask
                var end = start + 1
                while end < grams.count && grams[end] & ~CampaignSketch.placeMask == bare { end += 1 }
                if end - start >= needed { core.insert(bare) }
                start = end
            }
            return core
        }
    }

    /// The share of `sample` used, in its place or the next either side, by at least `common`
    /// of `others` texts (and one), as `held` counts the holders of a range of sampled 4-grams.
    static func coverage(
        _ sample: ArraySlice<UInt16>, common: Double, of others: Int, held: (ClosedRange<UInt16>) -> Int
    ) -> Double {
        guard !sample.isEmpty else { return 0 }
        let needed = max(1, Int(common * Double(others)))
        return Double(sample.count { held(around($0)) >= needed }) / Double(sample.count)
    }

    /// A sampled 4-gram in its place and the next place either side: where another text's use
    /// of it counts.
    static func around(_ gram: UInt16) -> ClosedRange<UInt16> {
        let place = gram & CampaignSketch.placeMask, bare = gram & ~CampaignSketch.placeMask
        return (bare | (place > 0 ? place - 1 : 0))...(bare | min(place + 1, CampaignSketch.placeMask))
    }

    /// Whether `sample` holds at least `share` of a group's `core` (any sample does when the
    /// group has next to no fixed wording).
    static func holds(_ sample: ArraySlice<UInt16>, _ core: Set<UInt16>, _ share: Double) -> Bool {
        holds(sample, core: core.count, share, isCore: core.contains)
    }

    /// Whether `sample` holds at least `share` of a fixed wording of `core` 4-grams, which
    /// `isCore` tells.
    static func holds(_ sample: ArraySlice<UInt16>, core: Int, _ share: Double, isCore: (UInt16) -> Bool) -> Bool {
        guard core >= 4 else { return true }
        let held = sample.count { isCore($0 & ~CampaignSketch.placeMask) }
        return Double(held) >= share * Double(core)
    }

    /// Each unit's neighbors through some pairs, each once, in one flat list.
    struct Adjacency {
        private var ends: [Int32]
        private var list: [Int32]

        /// The neighbors of `count` units joined by `pairs` (of unit numbers); `pairs` is
        /// emptied on the way, so the two never take their whole memory at once.
        init(_ pairs: inout [(Int32, Int32)], count: Int) {
            var degree = [Int32](repeating: 0, count: count + 1)
            for (a, b) in pairs {
                degree[Int(a)] += 1
                degree[Int(b)] += 1
            }
            var starts = [Int32](repeating: 0, count: count + 1)
            for unit in 0..<count { starts[unit + 1] = starts[unit] + degree[unit] }
            list = [Int32](repeating: 0, count: Int(starts[count]))
            var next = starts
            for (a, b) in pairs {
                list[Int(next[Int(a)])] = b
                next[Int(a)] += 1
                list[Int(next[Int(b)])] = a
                next[Int(b)] += 1
            }
            pairs = []
            // Each unit's neighbors sorted, repeats dropped, the list closed up.
            ends = [Int32](repeating: 0, count: count)
            var write = 0
            for unit in 0..<count {
                let range = Int(starts[unit])..<Int(starts[unit + 1])
                list[range].sort()
                var last: Int32 = -1
                for place in range where list[place] != last {
                    last = list[place]
                    list[write] = last
                    write += 1
                }
                ends[unit] = Int32(write)
            }
            list.removeLast(list.count - write)
        }

        /// The neighbors of `unit`, as unit numbers.
        subscript(unit: Int) -> LazyMapSequence<ArraySlice<Int32>, Int> {
            list[(unit == 0 ? 0 : Int(ends[unit - 1]))..<Int(ends[unit])].lazy.map(Int.init)
        }

        /// How many neighbors `unit` has.
        func count(_ unit: Int) -> Int { Int(ends[unit]) - (unit == 0 ? 0 : Int(ends[unit - 1])) }
    }
}
