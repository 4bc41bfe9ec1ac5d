import Foundation
import Testing
import MadangCore
@testable import MadangStore

@Suite("Timestamps")
struct TimestampTests {
    @Test("Hand formatting agrees with Foundation's ISO 8601 and reads back", arguments: [
        0.0, 1_709_616_615.25, 951_782_400.875, 4_102_444_799.5, -86_400.5, 1_582_934_400.0,
    ])
    func agrees(seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        let text = Timestamp.string(date)
        #expect(text == date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
        let back = try #require(Timestamp.date(text))
        #expect(abs(back.timeIntervalSince1970 - seconds) < 0.001)
    }
}
