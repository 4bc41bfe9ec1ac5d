import Foundation
import MadangCore

/// Dates and times as people of each language write them in a document: Korean
/// `2024년 1월 5일(금) 오후 2시`, English `Friday 5 January 2024, 2 pm`; moments in the
/// hearing's time zone, never UTC unless that is where it is.
public enum DocumentDates {
    /// A hearing's wall-clock date and time, as written in `language`.
    public static func format(_ value: LocalDateTime, _ language: DocumentLanguage) -> String {
        let weekday = (CivilDate.days(year: value.year, month: value.month, day: value.day) % 7 + 11) % 7  // 0 = Sunday
        let day: String
        switch language {
        case .ko:
            day = "\(value.year)년 \(value.month)월 \(value.day)일(\(["일", "월", "화", "수", "목", "금", "토"][weekday]))"
        case .en:
            let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
            let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                          "November", "December"]
            day = "\(weekdays[weekday]) \(value.day) \(months[value.month - 1]) \(value.year)"
        }
        guard let hour = value.hour else { return day }
        return day + (language == .ko ? " " : ", ") + time(hour: hour, minute: value.minute ?? 0, language)
    }

    /// A moment, in `timeZone`, as written in `language`.
    public static func format(_ date: Date, in timeZone: TimeZone, _ language: DocumentLanguage) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard let local = try? LocalDateTime(
            year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour, minute: parts.minute)
        else { return "" }
        return format(local, language)
    }

    /// 오후 2시 30분, 2:30 pm.
    static func time(hour: Int, minute: Int, _ language: DocumentLanguage) -> String {
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        switch language {
        case .ko:
            let half = hour < 12 ? "오전" : "오후"
            return "\(half) \(hour == 0 ? 0 : twelve)시" + (minute == 0 ? "" : " \(minute)분")
        case .en:
            return (minute == 0 ? "\(twelve)" : "\(twelve):\(minute < 10 ? "0" : "")\(minute)") + (hour < 12 ? " am" : " pm")
        }
    }

    /// The hearing's zone, else the machine's.
    public static func zone(of hearing: Hearing) -> TimeZone {
        hearing.timeZone.flatMap(TimeZone.init(identifier:)) ?? .current
    }
}
