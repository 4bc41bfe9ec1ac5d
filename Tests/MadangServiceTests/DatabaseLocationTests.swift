import Testing
@testable import MadangService

@Suite("Database location")
struct DatabaseLocationTests {
    @Test("--db wins over MADANG_DB, which wins over ./madang.sqlite")
    func precedence() {
        #expect(DatabaseLocation.resolve(option: "a.sqlite", environment: ["MADANG_DB": "b.sqlite"]) == "a.sqlite")
        #expect(DatabaseLocation.resolve(option: nil, environment: ["MADANG_DB": "b.sqlite"]) == "b.sqlite")
        #expect(DatabaseLocation.resolve(option: nil, environment: ["MADANG_DB": ""]) == "madang.sqlite")
        #expect(DatabaseLocation.resolve(option: nil, environment: [:]) == "madang.sqlite")
    }

    @Test("The audit log names the user")
    func actor() {
        #expect(DatabaseLocation.actor(environment: ["USER": "minji"]) == "minji")
        #expect(DatabaseLocation.actor(environment: ["LOGNAME": "jun"]) == "jun")
        // Without either variable (a service, cron), the account the process runs as.
        #expect(DatabaseLocation.actor(environment: [:], account: "madang-svc") == "madang-svc")
        #expect(DatabaseLocation.actor(environment: ["USER": ""], account: nil).hasPrefix("uid "))
        #expect(DatabaseLocation.actor(environment: [:]) == DatabaseLocation.systemAccount)
        #expect(DatabaseLocation.systemAccount?.isEmpty == false)
    }
}
