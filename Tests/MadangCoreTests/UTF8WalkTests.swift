import Foundation
import Testing
@testable import MadangCore

@Suite("UTF-8 walking and civil dates")
struct UTF8WalkTests {
    /// Random bytes, biased towards the lead and continuation bytes where UTF-8 goes wrong.
    static func samples(_ count: Int) -> [[UInt8]] {
        var generator = SystemRandomNumberGenerator()
        let interesting: [UInt8] = [0x41, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                Bool.random(using: &generator) ? interesting.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
            }
        }
    }

    @Test("Decoding agrees with the standard library's validation on 20,000 random byte strings")
    func agreesWithStandardLibrary() {
        for bytes in UTF8WalkTests.samples(20_000) {
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect((UTF8Walk.firstInvalidByte(in: bytes) == nil) == valid, "\(bytes.map { String($0, radix: 16) })")
            if valid {
                var index = 0, scalars: [UInt32] = []
                while index < bytes.count, let (value, length) = UTF8Walk.scalar(in: bytes, at: index) {
                    scalars.append(value)
                    index += length
                }
                #expect(scalars == String(decoding: bytes, as: UTF8.self).unicodeScalars.map(\.value))
            }
        }
    }

    @Test("A sequence cut off at the end is allowed only when asked, and measured")
    func truncatedEnd() {
        let hangul = Array("한".utf8)
        #expect(UTF8Walk.firstInvalidByte(in: [0x41] + hangul.prefix(2)) == 1)
        #expect(UTF8Walk.firstInvalidByte(in: [0x41] + hangul.prefix(2), allowTruncatedEnd: true) == nil)
        let tail = [0x41] + hangul.prefix(2)
        #expect(tail.withUnsafeBufferPointer(UTF8Walk.incompleteTailLength) == 2)
        #expect(hangul.withUnsafeBufferPointer(UTF8Walk.incompleteTailLength) == 0)
        #expect([UInt8]().withUnsafeBufferPointer(UTF8Walk.incompleteTailLength) == 0)
    }

    @Test("Day numbers agree with Foundation's Gregorian calendar from 1600 to 2400")
    func civilDates() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        for days in stride(from: -135_000, through: 157_000, by: 37) {
            let date = Date(timeIntervalSince1970: Double(days) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let civil = CivilDate.date(days: days)
            #expect(civil.year == parts.year && civil.month == parts.month && civil.day == parts.day, "day \(days)")
            #expect(CivilDate.days(year: civil.year, month: civil.month, day: civil.day) == days)
            #expect(CivilDate.daysIn(month: civil.month, year: civil.year) == calendar.range(of: .day, in: .month, for: date)?.count)
        }
    }
}
