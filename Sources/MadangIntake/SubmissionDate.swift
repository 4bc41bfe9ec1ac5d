import MadangCore
import Foundation

/// Reads the moment a submission was made from the forms spreadsheets use.
///
/// - ISO 8601: `2024-03-05`, `2024-03-05T14:30`, `2024-03-05T05:00Z`, `2024-03-05 14:30:15+09:00`
/// - `YYYY-MM-DD HH:MM`, `YYYY.MM.DD`, `YYYY/MM/DD`, Korean Excel's `2024. 3. 5. 오후 2:30:15`
/// - Korean: `2024년 1월 5일`, `2024년 1월 5일(금) 오후 2시 30분`
/// - The year last, as Google Forms and European spreadsheets write it: `3/5/2024 14:30:15`
///   (month first) or `05.03.2024` (day first), read in the column's ``DateOrder``; a value
///   whose first or second number is over 12 says its own order.
///
/// A time without a zone is taken in `timeZone`. Works on the UTF-8 bytes, since an
/// import reads one date per row.
public enum SubmissionDate {
    /// The date in `text`, or nil when it is not one, or when its year comes last, no
    /// `order` is given and the text could be read either way (`05/01/2024`): a guess is
    /// never made.
    public static func parse(_ text: String, order: DateOrder? = nil, timeZone: TimeZone) -> Date? {
        guard let fields = fields(text) else { return nil }
        return date(fields, order: order, timeZone: timeZone)
    }

    /// How a value with its year last would be read: which order it proves, or that it
    /// could be read either way. Nil when the year is not last, or the text is no date.
    public static func evidence(_ text: String) -> DateOrder.Evidence? {
        guard let fields = fields(text), !fields.yearFirst else { return nil }
        let (first, second) = (fields.numbers[0].value, fields.numbers[1].value)
        switch (first > 12, second > 12) {
        case (true, false): return .proves(.dmy)
        case (false, true): return .proves(.mdy)
        case (false, false): return .either
        case (true, true): return nil
        }
    }

    /// The numbers of a date, the AM/PM marker and the zone offset, as written.
    private struct Fields {
        var numbers: [(value: Int, digits: Int)]
        var pm: Bool?
        var offset: Int?
        var yearFirst: Bool { numbers[0].digits == 4 }
    }

    private static func fields(_ text: String) -> Fields? {
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
            switch byte {
            case UInt8(ascii: "."):
                // After the seconds, a dot starts a fraction of a second.
                skippingFraction = numbers.count == 6
                index += 1
                continue
            case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "T"), UInt8(ascii: ","):
                index += 1
                continue
            default:
                break
            }
            // Words are rarer than separators, and looked for only when there is no separator.
            if let marker = meridiem(bytes, at: index) {
                pm = marker.pm
                index += marker.length
                continue
            }
            if let unit = koreanUnit(bytes, at: index) {
                index += unit
                continue
            }
            guard byte == UInt8(ascii: "("), let close = bytes[index...].firstIndex(of: UInt8(ascii: ")")),
                  close - index <= 10, String(decoding: bytes[(index + 1)..<close], as: UTF8.self).allSatisfy({ weekdays.contains($0) })
            else { return nil }
            // A Korean day of the week, (금), says nothing the date does not.
            index = close
            index += 1
        }
        guard (3...6).contains(numbers.count), numbers.count != 4 || pm != nil,
              numbers[0].digits == 4 || numbers[2].digits == 4
        else { return nil }
        return Fields(numbers: numbers, pm: pm, offset: offset)
    }

    private static func date(_ fields: Fields, order: DateOrder?, timeZone: TimeZone) -> Date? {
        let (numbers, pm, offset) = (fields.numbers, fields.pm, fields.offset)
        let year, month, day: Int
        if fields.yearFirst {
            (year, month, day) = (numbers[0].value, numbers[1].value, numbers[2].value)
        } else {
            let settled: DateOrder? = switch evidenceOf(numbers) {
            case .proves(let proven)?: proven
            case .either?: order
            case nil: nil
            }
            switch settled ?? order {
            case .dmy?: (day, month, year) = (numbers[0].value, numbers[1].value, numbers[2].value)
            case .mdy?: (month, day, year) = (numbers[0].value, numbers[1].value, numbers[2].value)
            case .ymd?, nil: return nil
            }
            if let order, let settled, settled != order { return nil }
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

    private static func evidenceOf(_ numbers: [(value: Int, digits: Int)]) -> DateOrder.Evidence? {
        switch (numbers[0].value > 12, numbers[1].value > 12) {
        case (true, false): .proves(.dmy)
        case (false, true): .proves(.mdy)
        case (false, false): .either
        case (true, true): nil
        }
    }

    private static let weekdays: Set<Character> = ["월", "화", "수", "목", "금", "토", "일", "요"]

    /// The length of a Korean unit after a number (년 월 일 시 분 초) at `index`, or nil.
    private static func koreanUnit(_ bytes: [UInt8], at index: Int) -> Int? {
        for unit in ["년", "월", "일", "시", "분", "초"] where bytes[index...].starts(with: unit.utf8) {
            return unit.utf8.count
        }
        return nil
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
