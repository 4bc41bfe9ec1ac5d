import Foundation

/// Reads the moment a submission was made from the forms spreadsheets use.
///
/// - ISO 8601: `2024-03-05`, `2024-03-05T14:30`, `2024-03-05T05:00Z`, `2024-03-05 14:30:15+09:00`
/// - `YYYY-MM-DD HH:MM`, `YYYY.MM.DD`, `YYYY/MM/DD`, Korean Excel's `2024. 3. 5. 오후 2:30:15`
/// - Google Forms' `M/D/YYYY H:MM:SS`, with or without AM/PM
///
/// A time without a zone is taken in `timeZone`.
public enum SubmissionDate {
    public static func parse(_ text: String, timeZone: TimeZone) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        var (rest, offset) = splitZone(trimmed)
        var pm: Bool?
        for (marker, isPM) in [("오후", true), ("오전", false), ("PM", true), ("AM", false), ("pm", true), ("am", false)]
        where rest.contains(marker) {
            pm = isPM
            rest = rest.replacingOccurrences(of: marker, with: " ")
        }
        // Every run of digits, with whether a 'T' or space stood before the time.
        var numbers: [(value: Int, digits: Int)] = []
        var current = ""
        var fraction = false
        for character in rest + " " {
            if character.isASCII, character.isNumber {
                current.append(character)
                continue
            }
            if !current.isEmpty {
                if !fraction { numbers.append((Int(current) ?? -1, current.count)) }
                current = ""
            }
            fraction = character == "." && numbers.count >= 6
            let allowed: Set<Character> = ["-", "/", ".", ":", " ", "T", ","]
            guard allowed.contains(character) else { return nil }
        }
        guard numbers.count >= 3, numbers.count <= 6 else { return nil }
        var components = DateComponents()
        if numbers[0].digits == 4 {
            (components.year, components.month, components.day) = (numbers[0].value, numbers[1].value, numbers[2].value)
        } else if numbers[2].digits == 4 {
            (components.month, components.day, components.year) = (numbers[0].value, numbers[1].value, numbers[2].value)
        } else {
            return nil
        }
        var hour = numbers.count > 3 ? numbers[3].value : 0
        if let pm {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (pm ? 12 : 0)
        }
        components.hour = hour
        components.minute = numbers.count > 4 ? numbers[4].value : 0
        components.second = numbers.count > 5 ? numbers[5].value : 0
        if numbers.count == 4, pm == nil { return nil } // an hour without minutes
        guard let month = components.month, (1...12).contains(month), let day = components.day, (1...31).contains(day),
              (0...23).contains(hour), (0...59).contains(components.minute ?? 0), (0...60).contains(components.second ?? 0)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = offset.flatMap { TimeZone(secondsFromGMT: $0) } ?? timeZone
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day // rejects 2023-02-30
        else { return nil }
        return date
    }

    /// Splits a trailing `Z`, `+09:00` or `-0500` off an ISO 8601 time.
    private static func splitZone(_ text: String) -> (String, Int?) {
        if text.hasSuffix("Z"), text.contains(":") { return (String(text.dropLast()), 0) }
        guard text.contains(":") || text.contains("T"), let sign = text.lastIndex(where: { $0 == "+" || $0 == "-" }),
              text.distance(from: text.startIndex, to: sign) >= 10
        else { return (text, nil) }
        let zone = text[text.index(after: sign)...].filter { $0 != ":" }
        guard zone.count == 4 || zone.count == 2, let value = Int(zone) else { return (text, nil) }
        let seconds = (zone.count == 4 ? (value / 100) * 3600 + (value % 100) * 60 : value * 3600)
        return (String(text[..<sign]), text[sign] == "-" ? -seconds : seconds)
    }
}
