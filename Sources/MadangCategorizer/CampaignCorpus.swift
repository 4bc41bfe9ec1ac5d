import Foundation

/// A hearing's opinions as campaign grouping holds them: every exact copy (the same 4-gram
/// set) filed under one form, and each form's sketch flat in memory, so that a million
/// opinions fit in a few hundred megabytes.
public struct CampaignCorpus: Sendable {
    /// Each opinion's id, in the order added.
    var ids: [Int64] = []
    /// Each opinion's form.
    var formOf: [Int32] = []
    /// A hash of each opinion's exact text (trimmed): the most common one is shown.
    var textHash: [Int] = []

    /// Each form's key (``CampaignSketch/key``).
    var keys: [UInt64] = []
    /// Each form's 4-gram count.
    var grams: [Int32] = []
    /// Each form's signature, `CampaignSketch.bins` values apiece.
    var signatures: [UInt16] = []
    /// How many opinions share each form.
    var copies: [Int32] = []
    /// Each form's sample of 4-grams (``CampaignSketch/sample``), one after another.
    var samples: [UInt16] = []
    /// Where each form's sample ends in `samples`.
    var sampleEnds: [Int32] = []
    private var formByKey: [UInt64: Int32] = [:]
    /// Opinions filed as forms of their own whatever their text: those a person decided about.
    private let own: Set<Int64>

    /// An empty corpus; `own` are the opinions that keep a form of their own even when
    /// they copy another exactly (a person decided about them).
    public init(own: Set<Int64> = []) {
        self.own = own
    }

    /// Each opinion's campaign key: the key of its form's 4-gram set, equal for exact copies.
    public var campaignKeys: [(itemID: Int64, key: Int64)] {
        zip(ids, formOf).map { ($0, Int64(bitPattern: keys[Int($1)])) }
    }

    /// How many opinions it holds.
    public var count: Int { ids.count }

    /// Adds opinions, sketched on every core.
    public mutating func add(_ texts: [(id: Int64, text: String)]) {
        var sketches = [CampaignSketch?](repeating: nil, count: texts.count)
        var hashes = [Int](repeating: 0, count: texts.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, texts.count / 64 + 1))
        sketches.withUnsafeMutableBufferPointer { sketchBuffer in
            hashes.withUnsafeMutableBufferPointer { hashBuffer in
                nonisolated(unsafe) let (sketchOut, hashOut) = (sketchBuffer, hashBuffer)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    for index in stride(from: worker, to: texts.count, by: workers) {
                        sketchOut[index] = CampaignSketch(texts[index].text)
                        hashOut[index] = CampaignCorpus.trimmedHash(texts[index].text)
                    }
                }
            }
        }
        for (index, text) in texts.enumerated() {
            add(id: text.id, sketch: sketches[index]!, textHash: hashes[index])
        }
    }

    /// A hash of the text without white space at either end.
    static func trimmedHash(_ text: String) -> Int {
        var hasher = Hasher()
        var text = text
        text.withUTF8 { bytes in
            func blank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
            var (start, end) = (0, bytes.count)
            while start < end && blank(bytes[start]) { start += 1 }
            while end > start && blank(bytes[end - 1]) { end -= 1 }
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<end])))
        }
        return hasher.finalize()
    }

    mutating func add(id: Int64, sketch: CampaignSketch, textHash: Int) {
        let form: Int32
        if !own.contains(id), let known = formByKey[sketch.key] {
            form = known
            copies[Int(known)] += 1
        } else {
            form = Int32(grams.count)
            keys.append(sketch.key)
            grams.append(Int32(sketch.grams))
            signatures.append(contentsOf: sketch.signature)
            samples.append(contentsOf: sketch.sample)
            sampleEnds.append(Int32(samples.count))
            copies.append(1)
            if !own.contains(id) { formByKey[sketch.key] = form }
        }
        ids.append(id)
        formOf.append(form)
        self.textHash.append(textHash)
    }

    /// How many distinct forms it holds.
    public var forms: Int { grams.count }

    func signature(_ form: Int) -> ArraySlice<UInt16> {
        signatures[(form * CampaignSketch.bins)..<((form + 1) * CampaignSketch.bins)]
    }

    func sample(_ form: Int) -> ArraySlice<UInt16> {
        samples[(form == 0 ? 0 : Int(sampleEnds[form - 1]))..<Int(sampleEnds[form])]
    }

    /// The sketch of one form, as stored for joining on arrival.
    func sketch(_ form: Int) -> CampaignSketch {
        CampaignSketch(grams: Int(grams[form]), signature: Array(signature(form)))
    }
}
