import Foundation
import MadangCore
import MadangStore

/// A hearing in a temporary database, entered as an organizer would, with hostile
/// comments among real ones, filed under two goals by keyword.
final class DigestFixture: Sendable {
    let folder: URL
    let store: Store
    let slug = "plan-4"

    /// Personal data and hostile strings placed in the opinions; none may print as is.
    static let email = "minji.lee@example.org"
    static let phones = ["010-1234-5678", "+82 10-9876-5432", "(02) 345-6789", "01055554444"]
    static let residentNumber = "900101-1234567"
    static let script = "<script>alert('x')</script>"
    static let formula = "=HYPERLINK(\"http://evil.example\",\"click\")"

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("madang-digest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try Store.create(at: folder.appendingPathComponent("d.sqlite").path, actor: "test")
        let hearing = try store.addHearing(Hearing(
            slug: slug, title: "4th Smart City Plan", kind: .publicHearing,
            startsAt: try LocalDateTime(parsing: "2023-01-05 14:00"), venue: "KRIHS", organizers: ["MOLIT", "KRIHS"],
            attendanceInPerson: 400, attendanceOnline: 1200))
        let id = hearing.id!
        let chair = try store.addParticipant(hearingID: id, name: "Kim Gap-seong", affiliation: "Yonsei University", role: .chair)
        let nam = try store.addParticipant(hearingID: id, name: "Nam Gwang-woo", affiliation: "Kyungsung University", role: .panelist)
        let park = try store.addParticipant(hearingID: id, name: "박성남", affiliation: "건축공간연구원", role: .panelist)
        let t0 = Date(timeIntervalSince1970: 1_672_894_800)
        var minute = 0.0
        func next() -> Date {
            minute += 1
            return t0.addingTimeInterval(minute * 60)
        }
        var items: [Item] = [
            .statement(hearingID: id, speakerID: chair.id!, body: "Welcome. The panel will now discuss the draft.", receivedAt: next()),
            .statement(hearingID: id, speakerID: nam.id!, body: "Bus data should be open to every city.", receivedAt: next()),
            .statement(hearingID: id, speakerID: park.id!, body: "공원과 녹지를 먼저 생각해야 합니다.", receivedAt: next()),
        ]
        let comments = [
            ("The bus routes in the new town are too few. We need more bus routes to the station.", "Lee Min-ji"),
            ("More bus routes and later buses would help commuters a lot. Call me at \(DigestFixture.phones[0]).", "Park Jun"),
            ("버스 노선이 너무 적습니다. 버스 노선을 늘려 주세요.", "김민수"),
            ("Please add bus routes to the hospital. My e-mail is \(DigestFixture.email).", nil),
            ("Night buses matter for shift workers. \(DigestFixture.script) More bus routes at night please.", "Choi"),
            ("I like the idea of bus routes to schools. [click](http://evil.example) # Heading", "Jung"),
            ("Parks need more trees and benches. The park near the river is too small.", "Han"),
            ("공원에 나무를 더 심어 주세요. 주민번호 \(DigestFixture.residentNumber) 로 신청했습니다.", "오세훈"),
            ("The park should stay open late. Reach me on \(DigestFixture.phones[1]) or \(DigestFixture.phones[2]).", nil),
            ("\(DigestFixture.formula) Parks are for everyone.", "Mallory"),
            ("Taxes are too high this year and nobody listens.", "Kang"),
        ]
        items += comments.map { .comment(hearingID: id, body: $0.0, author: $0.1, receivedAt: next()) }
        items += [
            .proposal(hearingID: id, group: "Riverside residents", title: "A bus route along the river",
                      body: "Run a bus route along the river every ten minutes. Contact \(DigestFixture.phones[3]).",
                      supporters: 40, receivedAt: next()),
            .proposal(hearingID: id, group: "Parents' council", title: "School bus routes", body: "Bus routes that stop at every school.",
                      supporters: 300, receivedAt: next()),
            .proposal(hearingID: id, group: "Friends of the park", title: "Trees for the park", body: "Plant a thousand trees in the park.",
                      supporters: 120, receivedAt: next()),
        ]
        _ = try store.addItems(items)
        _ = try store.replaceGoals(hearingID: id, goals: [
            PolicyGoal(code: "T", name: "Transport", terms: [GoalTerm("bus")]),
            PolicyGoal(code: "P", name: "Parks & green", terms: [GoalTerm("park")]),
            PolicyGoal(code: "E", name: "Energy", terms: [GoalTerm("solar")]),
        ])
        try store.retag(hearingID: id) { items in
            items.map { item in
                let text = item.text.lowercased()
                var tags: [Tag] = []
                if text.contains("bus") || text.contains("버스") { tags.append(Tag(itemID: item.id!, goalCode: "T", source: .rule, score: 1)) }
                if text.contains("park") || text.contains("공원") { tags.append(Tag(itemID: item.id!, goalCode: "P", source: .rule, score: 1)) }
                return tags
            }
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}
