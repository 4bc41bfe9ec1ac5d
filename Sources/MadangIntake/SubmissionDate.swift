import MadangCore
import Foundation

/// Reads the moment a submission was made from the forms spreadsheets use.
///
/// - ISO 8601: `2024-03-05`, `2024-03-05T14:30`, `2024-03-05T05:00Z`, `2024-03-05 14:30:15+09:00`
/// - `YYYY-MM-DD HH:MM`, `YYYY.MM.DD`, `YYYY/MM/DD`, Korean Excel's `2024. 3. 5. 오후 2:30:15`
/// - Google Forms' `M/D/YYYY H:MM:SS`, with or without AM/PM
///
/// A time without a zone is taken in `timeZone`. Works on the UTF-8 bytes, since an
/// import reads one date per row.
public enum SubmissionDate {
    public static func parse(_ text: String, timeZone: TimeZone) -> Date? {
        var bytes = Array(text.utf8)
        var offset: Int?
        (bytes, offset) = splitZone(trim(bytes))
        var pm: Bool?
        var numbers: [(value: Int, digits: Int)] = []
        var index = 0
        var skippingFraction = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30, byte <= 0x39 {
                var value = 0, digits = 0
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, digits < 9 {
                    value = value * 10 + Int(bytes[index] - 0x30)
                    digits += 1
                    index += 1
                }
                if !skippingFraction { numbers.append((value, digits)) }
                skippingFraction = false
                continue
            }
            if let marker = meridiem(bytes, at: index) {
                pm = marker.pm
                index += marker.length
                continue
            }
            switch byte {
            case UInt8(ascii: "."):
                // After the seconds, a dot starts a fraction of a second.
                skippingFraction = numbers.count == 6
            case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "T"), UInt8(ascii: ","):
                break
            default:
                return nil
            }
            index += 1
        }
        guard (3...6).contains(numbers.count), numbers.count != 4 || pm != nil else { return nil }
        let year, month, day: Int
        if numbers[0].digits == 4 {
            (year, month, day) = (numbers[0].value, numbers[1].value, numbers[2].value)
        } else if numbers[2].digits == 4 {
            (month, day, year) = (numbers[0].value, numbers[1].value, numbers[2].value)
        } else {
            return nil
        }
        var hour = numbers.count > 3 ? numbers[3].value : 0
        let minute = numbers.count > 4 ? numbers[4].value : 0
        let second = numbers.count > 5 ? numbers[5].value : 0
        if let pm {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (pm ? 12 : 0)
        }
        guard (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let local = (CivilDate.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second)
        if let offset { return Date(timeIntervalSince1970: TimeInterval(local - offset)) }
        // The zone's offset at that moment (checked twice, for the hours around a clock change).
        var guess = local - timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
        guess = local - timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess)))
        return Date(timeIntervalSince1970: TimeInterval(guess))
    }

    /// AM/PM, am/pm, 오전/오후 at `index`: whether it is afternoon, and its length in bytes.
    private static func meridiem(_ bytes: [UInt8], at index: Int) -> (pm: Bool, length: Int)? {
        let markers: [([UInt8], Bool)] = [
            (Array("오후".utf8), true), (Array("오전".utf8), false),
            (Array("PM".utf8), true), (Array("AM".utf8), false), (Array("pm".utf8), true), (Array("am".utf8), false),
        ]
        for (marker, pm) in markers where bytes[index...].starts(with: marker) { return (pm, marker.count) }
        return nil
    }

    private static func trim(_ bytes: [UInt8]) -> [UInt8] {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return [] }
        return Array(bytes[first...last])
    }

    /// Splits a trailing `Z`, `+09:00` or `-0500` off an ISO 8601 time: the rest, and the offset in seconds.
    private static func splitZone(_ bytes: [UInt8]) -> ([UInt8], Int?) {
        let hasTime = bytes.contains(UInt8(ascii: ":")) || bytes.contains(UInt8(ascii: "T"))
        if hasTime, bytes.last == UInt8(ascii: "Z") { return (Array(bytes.dropLast()), 0) }
        guard hasTime, let sign = bytes.lastIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }),
              sign >= 10
        else { return (bytes, nil) }
        let zone = bytes[(sign + 1)...].filter { $0 != UInt8(ascii: ":") }
        guard zone.count == 4 || zone.count == 2, zone.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return (bytes, nil) }
        let value = zone.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        let seconds = zone.count == 4 ? (value / 100) * 3600 + (value % 100) * 60 : value * 3600
        return (Array(bytes[..<sign]), bytes[sign] == UInt8(ascii: "-") ? -seconds : seconds)
    }
}
