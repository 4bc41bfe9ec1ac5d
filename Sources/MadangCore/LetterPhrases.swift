/// What a campaign of mad-libs letters is made of, as the store keeps it, so that a variant
/// arriving later is recognized by its phrases rather than by likeness to one letter: how
/// many members were read, how many of them hold each sampled 4-gram (in its place), and
/// the campaign's fixed wording (the 4-grams nearly all of them hold, wherever they come).
public struct LetterPhrases: Hashable, Sendable {
    /// How many members' samples the counts are of.
    public private(set) var members: Int
    /// The sampled 4-grams (each with its place), sorted, each once.
    public private(set) var grams: [UInt16]
    /// How many members hold each of `grams`.
    public private(set) var holders: [Int32]
    /// The fixed wording: 4-grams without their place, sorted.
    public private(set) var core: [UInt16]

    /// Phrases from `grams` and, for each, how many of `members` hold it; `grams` need not
    /// be sorted but must each come once.
    public init(members: Int, grams: [UInt16], holders: [Int32], core: [UInt16]) {
        precondition(grams.count == holders.count, "a holder count for every 4-gram")
        self.members = members
        // As read back from the store they come sorted already.
        if zip(grams, grams.dropFirst()).allSatisfy({ $0 < $1 }) {
            (self.grams, self.holders) = (grams, holders)
        } else {
            let order = grams.indices.sorted { grams[$0] < grams[$1] }
            self.grams = order.map { grams[$0] }
            self.holders = order.map { holders[$0] }
        }
        self.core = zip(core, core.dropFirst()).allSatisfy({ $0 < $1 }) ? core : core.sorted()
    }

    /// How many members hold the 4-grams in `range`, counted together.
    public func holders(in range: ClosedRange<UInt16>) -> Int {
        var index = LetterPhrases.first(notBelow: range.lowerBound, in: grams), total = 0
        while index < grams.count && grams[index] <= range.upperBound {
            total += Int(holders[index])
            index += 1
        }
        return total
    }

    /// Whether `gram` (without its place) is of the fixed wording.
    public func isCore(_ gram: UInt16) -> Bool {
        let index = LetterPhrases.first(notBelow: gram, in: core)
        return index < core.count && core[index] == gram
    }

    /// Counts one more member, whose sample is `sample`.
    public mutating func add(_ sample: some Sequence<UInt16>) {
        members += 1
        var fresh: [UInt16] = []
        for gram in Set(sample) {
            let index = LetterPhrases.first(notBelow: gram, in: grams)
            if index < grams.count && grams[index] == gram { holders[index] += 1 } else { fresh.append(gram) }
        }
        guard !fresh.isEmpty else { return }
        self = LetterPhrases(members: members, grams: grams + fresh, holders: holders + fresh.map { _ in 1 }, core: core)
    }

    /// The index of the first of `sorted` not below `value`.
    private static func first(notBelow value: UInt16, in sorted: [UInt16]) -> Int {
        var (low, high) = (0, sorted.count)
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
