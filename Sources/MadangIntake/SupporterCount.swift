import MadangCore

/// A number of supporters as people write it in a form or a spreadsheet: `1,250`,
/// `1.250` or `1 250` (a count has no fraction, so a separator followed by three digits
/// groups thousands, whatever the country), `1,250명`, `약 300`, `about 300 people`.
public enum SupporterCount {
    /// The count, or nil when `text` is not one.
    public static func parse(_ text: String) -> Int? {
        var rest = Substring(text.trimmingWhitespace())
        for prefix in ["약", "대략", "about", "approx.", "approximately", "ca.", "~"] where rest.lowercased().hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count).drop { $0 == " " }
            break
        }
        for suffix in ["명", "인", "people", "persons", "supporters", "votes"] where rest.lowercased().hasSuffix(suffix) {
            rest = rest.dropLast(suffix.count)
            while rest.last == " " { rest = rest.dropLast() }
            break
        }
        guard let first = rest.first, first.isASCII, first.isNumber else { return nil }
        // Digits in groups: the first of one to three digits, each later one of exactly three.
        let groups = rest.split(omittingEmptySubsequences: false) {
            $0 == "," || $0 == "." || $0 == " " || $0 == "\u{A0}" || $0 == "'"
        }
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              groups.count == 1 || (groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 })
        else { return nil }
        return Int(groups.joined())
    }
}
