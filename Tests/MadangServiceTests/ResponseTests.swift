import Foundation
import MadangCore
import MadangService
import Testing

@Suite("The response register")
struct ResponseTests {
    @Test("A bulk answer under a goal is all or nothing, can be adjusted item by item, and is audited")
    func bulkAndAdjust() async throws {
        let temporary = try await CorrectionTests.withGoals()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        let a = try #require(try await workspace.addComment(to: "h", text: "more bus lines").id)
        let b = try #require(try await workspace.addComment(to: "h", text: "bus stops need shelters").id)
        let c = try #require(try await workspace.addComment(to: "h", text: "open the data").id)
        // 미반영 needs a reason: nothing is stored without one.
        await #expect(throws: StoreError.invalid(.reasonRequired(state: "미반영 (not accepted)"))) {
            try await workspace.respond("h", to: OpinionSelection(goal: "T"), ResponseChange(state: "미반영"))
        }
        #expect(try await workspace.responseRegister("h").rows.allSatisfy { $0.response == nil })
        let answered = try await workspace.respond(
            "h", to: OpinionSelection(goal: "T"), ResponseChange(state: "not accepted", reason: "예산이 없습니다", department: "교통과"))
        #expect(answered.map(\.itemID) == [a, b] && answered.allSatisfy { $0.state == "not-accepted" && !$0.isPublished })
        // One of them adjusted: the state and text change, the department stays.
        _ = try await workspace.respond("h", to: OpinionSelection(items: [b]), ResponseChange(state: "반영", text: "쉼터를 늘리겠습니다"))
        _ = try await workspace.respond("h", to: OpinionSelection(search: "data"), ResponseChange(state: "추후검토", publish: true))
        let register = try await workspace.responseRegister("h")
        let byItem = Dictionary(uniqueKeysWithValues: register.rows.map { ($0.item.id ?? 0, $0) })
        #expect(byItem[b]?.response?.state == "accepted" && byItem[b]?.response?.department == "교통과")
        #expect(byItem[b]?.response?.reason == nil, "a reason goes with the state it was given for")
        #expect(byItem[c]?.response?.isPublished == true && byItem[a]?.response?.isPublished == false)
        #expect(try await workspace.responseRegister("h", state: "미반영").rows.map { $0.item.id } == [a])
        #expect(try await workspace.publishResponses("h") == 2)
        #expect(try await workspace.responseRegister("h").rows.allSatisfy { $0.response?.isPublished == true })
        let log = try await workspace.auditLog(of: "h").filter { $0.action == "response.set" }
        #expect(log.count == 4)
        #expect(log[2].details?.contains("not-accepted → accepted") == true)
        await #expect(throws: ServiceError.nothingSelected(hearing: "h")) {
            try await workspace.respond("h", to: OpinionSelection(search: "nothing like it"), ResponseChange(state: "반영"))
        }
    }

    @Test("A hearing's own states replace the defaults; a withdrawn opinion cannot be answered")
    func ownStates() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        let item = try #require(try await workspace.addComment(to: "h", text: "an opinion").id)
        try await workspace.setResponseStates("h", [
            ResponseState(code: "yes", korean: "수용", english: "adopted"),
            ResponseState(code: "no", korean: "불수용", english: "rejected", needsReason: true),
        ])
        #expect(try await workspace.respond("h", to: OpinionSelection(items: [item]), ResponseChange(state: "수용")).first?.state == "yes")
        await #expect(throws: StoreError.self) {
            try await workspace.respond("h", to: OpinionSelection(items: [item]), ResponseChange(state: "반영"))
        }
        // A state in use cannot be taken away.
        await #expect(throws: StoreError.self) {
            try await workspace.setResponseStates("h", [ResponseState(code: "no", korean: "불수용", english: "rejected")])
        }
        _ = try await workspace.withdrawItem(item, reason: "sent by mistake")
        await #expect(throws: StoreError.itemWithdrawn(id: item)) {
            try await workspace.respond("h", to: OpinionSelection(items: [item]), ResponseChange(text: "x"))
        }
        #expect(try await workspace.responseRegister("h").rows.isEmpty)
    }
}
