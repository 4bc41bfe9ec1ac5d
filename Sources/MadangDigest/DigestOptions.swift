import Foundation
import MadangCore

/// How a digest is made.
public struct DigestOptions: Sendable {
    /// How citizens are shown.
    public typealias Citizens = CitizenStyle

    public var citizens: Citizens
    /// The most sentences quoted per goal (at least two are quoted where there are two).
    public var quotesPerGoal: Int
    public var proposalsPerGoal: Int
    /// About how many opinions per goal are read to choose quotes from.
    public var sampleSize: Int
    /// The time printed as the digest's date.
    public var now: Date
    /// The language of every word of Madang's own.
    public var language: DocumentLanguage

    public init(citizens: Citizens = .numbers, quotesPerGoal: Int = 5, proposalsPerGoal: Int = 5,
                sampleSize: Int = 1_500, now: Date = Date(), language: DocumentLanguage = .en) {
        self.language = language
        self.citizens = citizens
        self.quotesPerGoal = quotesPerGoal
        self.proposalsPerGoal = proposalsPerGoal
        self.sampleSize = sampleSize
        self.now = now
    }

    /// How a citizen who wrote opinion number `number` under `author` is shown.
    func label(number: Int, author: String?) -> String {
        let fallback = ReportWording.citizen(number, language)
        let name = author?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !name.isEmpty else { return fallback }
        switch citizens {
        case .numbers: return fallback
        case .names: return name
        case .initials: return DigestOptions.initials(of: name) ?? fallback
        }
    }

    /// `김민수` → `김○○`; `Lee Min-ji` → `L. M.`; nil when the name has no letters.
    static func initials(of name: String) -> String? {
        let words = name.split(whereSeparator: { $0.isWhitespace })
        guard let first = words.first?.first, first.isLetter else { return nil }
        if first.unicodeScalars.first.map({ (0xAC00...0xD7A3).contains($0.value) }) == true {
            let syllables = words.joined().count
            return String(first) + String(repeating: "○", count: max(syllables - 1, 1))
        }
        return words.prefix(3).compactMap { word in word.first(where: \.isLetter).map { "\($0.uppercased())." } }
            .joined(separator: " ")
    }
}
