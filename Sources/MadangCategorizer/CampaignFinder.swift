import Foundation
import MadangCore

/// Finds campaigns among a hearing's opinions: exact copies once case, spacing,
/// punctuation, Unicode forms and a signature line are set aside; near-copies (typos,
/// Korean re-spaced, a paragraph removed); and form letters with a personal sentence
/// added before or after. A letter and its translation share no wording, so they stay
/// apart; so do opinions that merely share vocabulary or one sentence.
///
/// Each text is sketched (``CampaignSketch``): exact copies share one form, and forms whose
/// signatures agree on a whole band of 3 bins (of 20) are compared. A pair joins when its
/// 4-grams overlap enough, as the signatures estimate it: a Jaccard similarity of at least
/// ``nearCopy``, or, for texts of comparable length, the shorter contained in the longer
/// at ``formLetter`` or more and making at least half of it. Groups are the connected pairs,
/// then kept to the members like their letter (its most copied form): texts built from
/// the same stock sentences can chain into one component without being copies of anything.
public struct CampaignFinder: Sendable {
    /// Jaccard similarity of two texts' 4-grams at which they are near-copies.
    public var nearCopy = 0.7
    /// Share of the shorter text's 4-grams found in the longer at which the longer is the
    /// shorter with something added.
    public var formLetter = 0.85
    /// The shorter text must hold at least this share of the longer's 4-grams for
    /// containment to count: one sentence in common is not a campaign.
    public var comparableLength = 0.4
    /// Share of a mad-libs letter's phrases (sampled 4-grams) that the rest of its campaign
    /// must use (``VariantLetters``).
    public var variantCoverage = 0.85
    /// Estimated Jaccard similarity at which two texts are looked at as possible variants
    /// of one mad-libs letter.
    var variantPair = 0.3

    public init() {}

    /// One opinion to group.
    public struct Text: Sendable {
        public var id: Int64
        public var text: String

        public init(id: Int64, text: String) {
            self.id = id
            self.text = text
        }
    }

    /// A campaign found: its letter (the member showing its most common form), every member
    /// in the order added, and which members are exact copies of the letter's form.
    public struct Group: Sendable {
        public var representative: Int64
        public var members: [Int64]
        /// Members whose 4-grams are the letter's (nothing added): no addition to look for.
        public var copies: Set<Int64>
        /// The letter's sketch, to file later opinions under it.
        public var letter: CampaignSketch
        /// For a campaign of mad-libs variants of one letter (``VariantLetters``), what its
        /// members are made of; nil for any other.
        public var phrases: LetterPhrases?

        /// Whether the members are mad-libs variants of one letter: what one adds is what the
        /// others do not say, not what the letter does not.
        public var variants: Bool { phrases != nil }

        /// The letter's sketch as the store keeps it, with the campaign's phrases.
        public var stored: LetterSketch {
            var stored = letter.stored
            stored.phrases = phrases
            return stored
        }
    }

    /// The groups of two or more among `texts`, each a list of ids in the order given;
    /// `apart` are pairs a person said are not one campaign, `together` pairs they said are.
    public func groups(_ texts: [Text], apart: Set<Pair> = [], together: [Pair] = []) -> [[Int64]] {
        var corpus = CampaignCorpus(own: CampaignFinder.decided(apart: apart, together: together))
        corpus.add(texts.map { ($0.id, $0.text) })
        return groups(corpus, apart: apart, together: together).map(\.members)
    }

    /// The opinions people decided about: they keep forms of their own (`CampaignCorpus(own:)`).
    public static func decided(apart: Set<Pair>, together: [Pair]) -> Set<Int64> {
        Set(apart.flatMap { [$0.first, $0.second] } + together.flatMap { [$0.first, $0.second] })
    }

    /// The campaigns among `corpus`'s opinions, ordered by their first member. Opinions named
    /// in `apart` and `together` must have been given forms of their own (`CampaignCorpus(own:)`).
    public func groups(_ corpus: CampaignCorpus, apart: Set<Pair> = [], together: [Pair] = []) -> [Group] {
        let forms = corpus.forms
        guard forms > 0 else { return [] }
        // Decisions are about opinions; those opinions are forms of their own.
        var formOfID: [Int64: Int] = [:]
        let decided = CampaignFinder.decided(apart: apart, together: together)
        if !decided.isEmpty {
            for (row, id) in corpus.ids.enumerated() where decided.contains(id) { formOfID[id] = Int(corpus.formOf[row]) }
        }
        let apartForms = Set(apart.compactMap { pair -> Pair? in
            guard let a = formOfID[pair.first], let b = formOfID[pair.second] else { return nil }
            return Pair(Int64(a), Int64(b))
        })
        func keptApart(_ a: Int, _ b: Int) -> Bool { !apartForms.isEmpty && apartForms.contains(Pair(Int64(a), Int64(b))) }

        // Forms that agree on every bin of one band (found by sorting each band's keys) are
        // compared, and linked when similar. Pairs are gathered a few thousand at a time and
        // judged on every core; their verdicts are then applied in order, a pair whose forms
        // were linked meanwhile left alone, just as if each had been judged in turn.
        var components = DisjointSets(count: forms)
        var links: [(Int32, Int32)] = []  // the links that joined two components: a spanning forest
        var looser: [(Int32, Int32)] = []  // pairs alike but not enough to join: variants' evidence
        var unjudged: [(Int32, Int32)] = []
        unjudged.reserveCapacity(CampaignFinder.judgedTogether)
        func compare(_ a: Int, _ b: Int, band: Int) {
            guard components.root(a) != components.root(b), !keptApart(a, b) else { return }
            unjudged.append((Int32(a), Int32(b)))
            if unjudged.count == CampaignFinder.judgedTogether { judgeUnjudged(band: band) }
        }
        func judgeUnjudged(band: Int) {
            let verdicts = judge(unjudged, corpus, band: band)
            for (pair, verdict) in zip(unjudged, verdicts) where verdict != .apart {
                let (ra, rb) = (components.root(Int(pair.0)), components.root(Int(pair.1)))
                guard ra != rb else { continue }
                if verdict == .similar {
                    components.join(roots: ra, rb)
                    links.append(pair)
                } else {
                    looser.append(pair)
                }
            }
            unjudged.removeAll(keepingCapacity: true)
        }
        // Each band's keys are hashed into the high bits of a word whose low bits hold the form,
        // so that one sort of plain integers finds the buckets.
        let formBits = max(1, Int.bitWidth - (forms - 1).leadingZeroBitCount)
        let formMask = UInt64(1) << formBits - 1
        var keyed: [UInt64] = []
        keyed.reserveCapacity(forms)
        for band in 0..<CampaignSketch.bands {
            keyed.removeAll(keepingCapacity: true)
            for form in 0..<forms {
                if let key = CampaignSketch.bandKey(corpus.signature(form), band) {
                    keyed.append(CampaignSketch.mix(UInt64(bitPattern: key)) & ~formMask | UInt64(form))
                }
            }
            keyed.sort()
            var start = 0
            while start < keyed.count {
                var end = start + 1
                while end < keyed.count && keyed[end] & ~formMask == keyed[start] & ~formMask { end += 1 }
                let form = { (place: Int) in Int(keyed[place] & formMask) }
                if end - start <= 16 {
                    for a in start..<end { for b in (a + 1)..<end { compare(form(a), form(b), band: band) } }
                } else {
                    // A large bucket is mostly one campaign's variants: each is compared with the
                    // first and with the one before it, not with every other.
                    for place in (start + 1)..<end {
                        compare(form(start), form(place), band: band)
                        compare(form(place - 1), form(place), band: band)
                    }
                }
                start = end
            }
            judgeUnjudged(band: band)
        }
        keyed = []

        // Components of linked forms, kept to the forms like their letter (the form most
        // copied): texts built from the same stock sentences can chain without copying
        // anything. The rest of a component falls apart where its letter's forms are taken
        // out, and each piece is looked at in turn.
        var groups: [[Int]] = []
        var taken = [Bool](repeating: false, count: forms)
        var pending = CampaignFinder.pieces(links)
        links = []
        while let (subset, edges) = pending.popLast() {
            let center = subset.max { (corpus.copies[$0], -$0) < (corpus.copies[$1], -$1) }!
            let core = subset.filter { $0 == center || (similar(corpus, $0, center) && !keptApart($0, center)) }
            if core.count > 1 || corpus.copies[center] > 1 { groups.append(core) }
            for form in core { taken[form] = true }
            pending += CampaignFinder.pieces(edges.filter { !taken[Int($0.0)] && !taken[Int($0.1)] })
            for form in core { taken[form] = false }
        }
        // Exact copies linked to nothing are a campaign of their own.
        var grouped = [Bool](repeating: false, count: forms)
        for group in groups { for form in group { grouped[form] = true } }
        for form in 0..<forms where !grouped[form] && corpus.copies[form] > 1 {
            groups.append([form])
            grouped[form] = true
        }
        let variantGroups: Int
        (groups, variantGroups) = variants(corpus, groups: groups, grouped: grouped, pairs: &looser, decided: Set(formOfID.values))
        var phrased = [Bool](repeating: false, count: forms)
        for group in groups.prefix(variantGroups) { for form in group { phrased[form] = true } }

        // A person's "together" joins whole groups (or lone forms).
        var owner = [Int](repeating: -1, count: forms)
        for (number, group) in groups.enumerated() { for form in group { owner[form] = number } }
        for pair in together {
            guard let a = formOfID[pair.first], let b = formOfID[pair.second] else { continue }
            switch (owner[a], owner[b]) {
            case let (x, y) where x >= 0 && y >= 0 && x != y:
                groups[x] += groups[y]
                for form in groups[y] { owner[form] = x }
                groups[y] = []
            case let (x, y) where x >= 0 && y < 0:
                groups[x].append(b)
                owner[b] = x
            case let (x, y) where x < 0 && y >= 0:
                groups[y].append(a)
                owner[a] = y
            case let (x, y) where x < 0 && y < 0:
                owner[a] = groups.count
                owner[b] = groups.count
                groups.append([a, b])
            default:
                break
            }
        }
        return CampaignFinder.expand(groups.filter { !$0.isEmpty }, corpus: corpus, phrased: phrased)
    }

    /// How many pairs are judged at once, on every core.
    static let judgedTogether = 4096

    /// What the comparison of two forms found.
    enum Verdict: UInt8 {
        /// Nothing in common worth keeping.
        case apart
        /// One campaign's.
        case similar
        /// Alike but not enough to join: possibly variants of one mad-libs letter.
        case looser
    }

    /// The verdict on each of `pairs` of forms, met in `band`, found on every core. Cheapest
    /// test first; a pair met in an earlier band was looked at there.
    func judge(_ pairs: [(Int32, Int32)], _ corpus: CampaignCorpus, band: Int) -> [Verdict] {
        var verdicts = [Verdict](repeating: .apart, count: pairs.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, pairs.count / 256 + 1))
        verdicts.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: pairs.count, by: workers) {
                    let (a, b) = (Int(pairs[index].0), Int(pairs[index].1))
                    let resemblance = CampaignSketch.resemblance(corpus.signature(a), corpus.signature(b))
                    if similar(grams: (Int(corpus.grams[a]), Int(corpus.grams[b])), resemblance: resemblance) {
                        out[index] = .similar
                    } else if resemblance >= variantPair, comparableLengths(corpus, a, b),
                              !CampaignFinder.agree(corpus.signature(a), corpus.signature(b), before: band),
                              sayAlikeInPlace(corpus, a, b) {
                        out[index] = .looser
                    }
                }
            }
        }
        return verdicts
    }

    /// `groups` with the campaigns of mad-libs letters (``VariantLetters``) found among the
    /// groups and the forms in none, each joining the groups and forms it is made of, first;
    /// and how many those are. Forms people decided about are left as they are.
    func variants(
        _ corpus: CampaignCorpus, groups: [[Int]], grouped: [Bool], pairs: inout [(Int32, Int32)], decided: Set<Int>
    ) -> ([[Int]], Int) {
        guard !pairs.isEmpty else { return (groups, 0) }
        let mostCopied = { (forms: [Int]) in forms.max { (corpus.copies[$0], -$0) < (corpus.copies[$1], -$1) }! }
        var units: [[Int]] = []
        var unitGroup: [Int] = []  // the group each unit is, or -1
        for (number, group) in groups.enumerated() where decided.isDisjoint(with: group) {
            let center = mostCopied(group)
            units.append([center] + group.filter { $0 != center })
            unitGroup.append(number)
        }
        for form in 0..<corpus.forms where !grouped[form] && !decided.contains(form) {
            units.append([form])
            unitGroup.append(-1)
        }
        let found = VariantLetters(covered: variantCoverage).groups(corpus, units: units, pairs: &pairs)
        guard !found.isEmpty else { return (groups, 0) }
        var absorbed = Set<Int>()
        var result = found.map { campaign in
            campaign.flatMap { unit -> [Int] in
                if unitGroup[unit] >= 0 { absorbed.insert(unitGroup[unit]) }
                return units[unit]
            }
        }
        result += groups.enumerated().filter { !absorbed.contains($0.offset) }.map(\.element)
        return (result, found.count)
    }

    /// Whether two signatures agree on every bin of a band before `band` (with a full bin).
    static func agree(_ a: ArraySlice<UInt16>, _ b: ArraySlice<UInt16>, before band: Int) -> Bool {
        var (i, j) = (a.startIndex, b.startIndex)
        for _ in 0..<band {
            if a[i] == b[j] && a[i + 1] == b[j + 1] && a[i + 2] == b[j + 2] && a[i] | a[i + 1] | a[i + 2] != 0 { return true }
            (i, j) = (i + CampaignSketch.rows, j + CampaignSketch.rows)
        }
        return false
    }

    /// Whether forms `a` and `b` say about as much: variants of one mad-libs letter do.
    func comparableLengths(_ corpus: CampaignCorpus, _ a: Int, _ b: Int) -> Bool {
        let (x, y) = (corpus.grams[a], corpus.grams[b])
        return 4 * min(x, y) >= 3 * max(x, y)
    }

    /// Whether what forms `a` and `b` share comes in the same places of both, as in variants of
    /// one mad-libs letter (not in opinions of stock sentences strung together in any order).
    func sayAlikeInPlace(_ corpus: CampaignCorpus, _ a: Int, _ b: Int) -> Bool {
        let (shared, inPlace) = CampaignSketch.sharedInPlace(corpus.sample(a), corpus.sample(b))
        return shared >= 4 && Double(inPlace) >= variantCoverage * Double(shared)
    }

    /// The groups of forms as groups of opinions, each with its letter: the most common exact
    /// text of its most copied form, the earliest of them.
    static func expand(_ groups: [[Int]], corpus: CampaignCorpus, phrased: [Bool]) -> [Group] {
        var groupOf = [Int32](repeating: -1, count: corpus.forms)
        for (number, group) in groups.enumerated() { for form in group { groupOf[form] = Int32(number) } }
        var members = [[Int]](repeating: [], count: groups.count)
        for row in corpus.ids.indices {
            let number = groupOf[Int(corpus.formOf[row])]
            if number >= 0 { members[Int(number)].append(row) }
        }
        return zip(groups, members).compactMap { forms, rows -> Group? in
            guard rows.count > 1 else { return nil }
            let center = forms.max { (corpus.copies[$0], -$0) < (corpus.copies[$1], -$1) }!
            let letterRows = rows.filter { Int(corpus.formOf[$0]) == center }
            var counts: [Int: Int] = [:]
            for row in letterRows { counts[corpus.textHash[row], default: 0] += 1 }
            let letter = letterRows.max { (counts[corpus.textHash[$0]]!, -$0) < (counts[corpus.textHash[$1]]!, -$1) }!
            return Group(representative: corpus.ids[letter], members: rows.map { corpus.ids[$0] },
                         copies: Set(letterRows.map { corpus.ids[$0] }), letter: corpus.sketch(center),
                         phrases: forms.contains { phrased[$0] } ? VariantLetters().phrases(forms.map(corpus.sample)) : nil)
        }.sorted { $0.members[0] < $1.members[0] }
    }

    /// The connected pieces of a forest's `edges`, each with its forms (in order) and its edges.
    static func pieces(_ edges: [(Int32, Int32)]) -> [([Int], [(Int32, Int32)])] {
        guard !edges.isEmpty else { return [] }
        let forms = Array(Set(edges.flatMap { [$0.0, $0.1] })).sorted()
        let place = Dictionary(uniqueKeysWithValues: forms.enumerated().map { ($1, $0) })
        var sets = DisjointSets(count: forms.count)
        for (a, b) in edges { sets.join(roots: sets.root(place[a]!), sets.root(place[b]!)) }
        var pieces: [Int: ([Int], [(Int32, Int32)])] = [:]
        for (index, form) in forms.enumerated() { pieces[sets.root(index), default: ([], [])].0.append(Int(form)) }
        for edge in edges { pieces[sets.root(place[edge.0]!)]!.1.append(edge) }
        return pieces.keys.sorted().map { pieces[$0]! }
    }

    func similar(_ corpus: CampaignCorpus, _ a: Int, _ b: Int) -> Bool {
        similar(grams: (Int(corpus.grams[a]), Int(corpus.grams[b])),
                resemblance: CampaignSketch.resemblance(corpus.signature(a), corpus.signature(b)))
    }

    /// The share of the opinion sketched as `sketch` that the mad-libs campaign made of
    /// `phrases` uses, when the opinion is one of its variants; nil when it is not.
    public func variant(_ sketch: CampaignSketch, of phrases: LetterPhrases) -> Double? {
        VariantLetters(covered: variantCoverage).admits(sketch.sample[...], phrases)
    }

    /// Whether two sketches are one campaign's.
    public func similar(_ a: CampaignSketch, _ b: CampaignSketch) -> Bool {
        similar(grams: (a.grams, b.grams), resemblance: a.resemblance(b))
    }

    /// Whether two texts with these 4-gram counts and this estimated Jaccard similarity are one
    /// campaign's: near-copies, or the shorter contained in the longer (a letter with something
    /// added) when their lengths are comparable.
    func similar(grams: (Int, Int), resemblance: Double) -> Bool {
        guard grams.0 > 0, grams.1 > 0 else { return false }
        if resemblance >= nearCopy { return true }
        let (small, large) = (Double(min(grams.0, grams.1)), Double(max(grams.0, grams.1)))
        // |A ∩ B| = J (|A| + |B|) / (1 + J)
        let shared = resemblance * (small + large) / (1 + resemblance)
        return small >= comparableLength * large && shared >= formLetter * small && shared >= 0.5 * large
    }

    /// Two ids, the smaller first: a pair's order does not matter.
    public struct Pair: Hashable, Sendable {
        public let first: Int64
        public let second: Int64

        public init(_ a: Int64, _ b: Int64) {
            (first, second) = a <= b ? (a, b) : (b, a)
        }
    }

    /// The sentences of `member` that `representative` does not hold: what a person
    /// added to a form letter.
    public static func addition(of member: String, to representative: String) -> String? {
        CampaignAddition(letter: representative).addition(of: member)
    }
}
