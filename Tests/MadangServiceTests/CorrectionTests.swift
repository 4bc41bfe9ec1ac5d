import Foundation
import MadangCore
import MadangService
import Testing

@Suite("Corrections: edit, withdraw, restore, and the panel, all audited")
struct CorrectionTests {
    /// A workspace whose hearing files "bus" under T and "data" under D.
    static func withGoals() async throws -> TemporaryWorkspace {
        let temporary = try await TemporaryWorkspace()
        let file = temporary.folder.appendingPathComponent("goals.yaml")
        try "goals:\n  - id: T\n    name: Transport\n    terms: [bus]\n  - id: D\n    name: Data\n    terms: [data]\n"
            .write(to: file, atomically: true, encoding: .utf8)
        _ = try await temporary.workspace.loadGoals(into: "h", from: file.path)
        return temporary
    }

    @Test("Editing an item's text files it again, keeps a person's decision, and logs before and after")
    func edit() async throws {
        let temporary = try await CorrectionTests.withGoals()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        let item = try #require(try await workspace.addComment(to: "h", text: "more bus lines", author: "Lee").id)
        try await workspace.decide(item: item, goal: "D", tagged: true)
        let edited = try await workspace.editItem(item, ItemChange(body: "open the data, please", author: ""))
        #expect(edited.body == "open the data, please" && edited.author == nil)
        let goals = try await workspace.items(of: "h").goals[item]?.map { "\($0.goalCode) \($0.source.rawValue)" }
        #expect(goals == ["D person"], "T came from the old text and must go; the person's D stays")
        #expect(try await workspace.search("h", for: "bus").isEmpty)
        #expect(try await workspace.search("h", for: "data").map(\.item.id) == [item])
        let entry = try #require(try await workspace.auditLog(of: "h").last)
        #expect(entry.action == "item.edit" && entry.actor == "tester")
        #expect(entry.details?.contains("more bus lines → open the data, please") == true)
        #expect(entry.details?.contains("Lee → ") == true)
        // Fields the kind does not have are refused, and change nothing.
        await #expect(throws: StoreError.fieldNotOfKind(field: "speaker", kind: .comment)) {
            try await workspace.editItem(item, ItemChange(body: "x", speaker: "1"))
        }
        #expect(try await workspace.item(item).body == "open the data, please")
    }

    @Test("The filing state counts people's decisions made after the model was trained")
    func staleModel() async throws {
        let temporary = try await CorrectionTests.withGoals()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        var ids: [Int64] = []
        for index in 0..<8 {
            ids.append(try #require(try await workspace.addComment(to: "h", text: "opinion number \(index)").id))
        }
        for (index, id) in ids.enumerated() { try await workspace.decide(item: id, goal: index % 2 == 0 ? "T" : "D", tagged: true) }
        #expect(try await workspace.filingState("h").modelVersion == nil)
        _ = try await workspace.categorize("h")
        let trained = try await workspace.filingState("h")
        #expect(trained.modelVersion == 1 && trained.decisionsSinceModel == 0)
        try await workspace.decide(item: ids[0], goal: "D", tagged: true)
        try await workspace.decide(item: ids[1], goal: "D", tagged: false)
        #expect(try await workspace.filingState("h").decisionsSinceModel == 2)
    }

    @Test("A statement's speaker is corrected by number or name")
    func speaker() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        _ = try await workspace.addParticipant(to: "h", name: "김철수", role: .chair)
        _ = try await workspace.addParticipant(to: "h", name: "이영희")
        let statement = try #require(try await workspace.addStatement(to: "h", speaker: "1", text: "발언").id)
        #expect(try await workspace.editItem(statement, ItemChange(speaker: "이영")).speaker == "이영희")
        await #expect(throws: PanelLookupError.self) { try await workspace.editItem(statement, ItemChange(speaker: "홍길동")) }
    }

    @Test("A withdrawn item leaves listings, search, counts and the digest, and comes back with its goals")
    func withdrawAndRestore() async throws {
        let temporary = try await CorrectionTests.withGoals()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        let kept = try #require(try await workspace.addComment(to: "h", text: "bus stops need shelters").id)
        let gone = try #require(try await workspace.addComment(to: "h", text: "bus fares are too high").id)
        try await workspace.decide(item: gone, goal: "D", tagged: true)
        let withdrawn = try await workspace.withdrawItem(gone, reason: "sent twice")
        #expect(withdrawn.withdrawal?.reason == "sent twice")
        #expect(try await workspace.items(of: "h").items.compactMap(\.id) == [kept])
        #expect(try await workspace.items(of: "h", withdrawn: true).items.compactMap(\.id) == [kept, gone])
        #expect(try await workspace.items(of: "h", goal: "T").items.compactMap(\.id) == [kept])
        #expect(try await workspace.search("h", for: "bus").compactMap(\.item.id) == [kept])
        #expect(try await workspace.hearing("h").counts[.comment] == 1)
        let context = try await workspace.digestContext("h")
        #expect(context.counts.comments == 1)
        #expect(context.goals.first { $0.code == "T" }?.counts.comments == 1)
        #expect(context.goals.first { $0.code == "D" }?.counts.comments == 0)
        #expect(context.otherOpinions.counts.comments == 0, "a withdrawn item has no tags, but is not an other opinion")
        // Filing the hearing again does not file it.
        _ = try await workspace.categorize("h")
        #expect(try await workspace.items(of: "h", goal: "T").items.compactMap(\.id) == [kept])
        await #expect(throws: StoreError.itemWithdrawn(id: gone)) { try await workspace.editItem(gone, ItemChange(body: "x")) }
        await #expect(throws: StoreError.itemWithdrawn(id: gone)) { try await workspace.withdrawItem(gone, reason: "again") }

        let restored = try await workspace.restoreItem(gone)
        #expect(restored.withdrawal == nil)
        let goals = try await workspace.items(of: "h").goals[gone]?.map { "\($0.goalCode) \($0.source.rawValue)" }
        #expect(goals == ["T rule", "D person"])
        await #expect(throws: StoreError.itemNotWithdrawn(id: gone)) { try await workspace.restoreItem(gone) }
        let actions = try await workspace.auditLog(of: "h").map(\.action)
        #expect(actions.suffix(3) == ["item.withdraw", "categorize", "item.restore"])
    }

    @Test("A panelist with statements leaves only with --reassign; the others close up; the log keeps them")
    func panelRemove() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        for name in ["Kim", "Lee", "Park"] { _ = try await workspace.addParticipant(to: "h", name: name) }
        let statement = try #require(try await workspace.addStatement(to: "h", speaker: "Lee", text: "a remark").id)
        await #expect(throws: StoreError.participantHasStatements(name: "Lee", statements: 1)) {
            try await workspace.removeParticipant(from: "h", number: 2)
        }
        await #expect(throws: StoreError.reassignToSelf(position: 2)) {
            try await workspace.removeParticipant(from: "h", number: 2, reassignTo: 2)
        }
        let removed = try await workspace.removeParticipant(from: "h", number: 2, reassignTo: 3)
        #expect(removed.participant.name == "Lee" && removed.reassigned == 1)
        #expect(try await workspace.item(statement).speaker == "Park")
        let panel = try await workspace.panel("h").participants.map { "\($0.position) \($0.name)" }
        #expect(panel == ["1 Kim", "2 Park"])
        let log = try await workspace.auditLog(of: "h")
        #expect(log.filter { $0.entity == "participant" }.map(\.action)
                == ["participant.add", "participant.add", "participant.add", "participant.remove"],
                "a removed participant's entries stay in the hearing's log")
    }

    @Test("Moving a panelist reorders the others; a second chair or a repeated name is a warning")
    func panelEdit() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        _ = try await workspace.addParticipant(to: "h", name: "Kim", role: .chair)
        for name in ["Lee", "Park", "Choi"] { _ = try await workspace.addParticipant(to: "h", name: name) }
        let moved = try await workspace.editParticipant(in: "h", number: 4, affiliation: "Busan", moveTo: 2)
        #expect(moved.participant.position == 2 && moved.participant.affiliation == "Busan")
        #expect(try await workspace.panel("h").participants.map(\.name) == ["Kim", "Choi", "Lee", "Park"])
        _ = try await workspace.editParticipant(in: "h", number: 2, moveTo: 9)
        #expect(try await workspace.panel("h").participants.map(\.name) == ["Kim", "Lee", "Park", "Choi"])
        #expect(moved.warnings.isEmpty)
        let chairs = try await workspace.editParticipant(in: "h", number: 3, name: "Lee", role: .chair)
        #expect(chairs.warnings.map(String.init(describing:)) == [
            "The panel has 2 chairs: number 1 Kim, number 3 Lee.",
            "2 people on the panel are called Lee (number 2 Lee, number 3 Lee); pick them by number, or tell them apart by name.",
        ])
        await #expect(throws: StoreError.noParticipantAt(position: 7, hearing: "h")) {
            try await workspace.editParticipant(in: "h", number: 7, name: "X")
        }
    }
}

@Suite("A database that cannot be written")
struct ReadOnlyTests {
    /// Runs `chattr` on `path`: the immutable attribute makes a file read-only even for
    /// root, as CI runs. False where the file system or the container does not allow it.
    static func chattr(_ flag: String, _ path: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, path]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test("Listings, search, the digest and the log read it; a write says it is read-only and changes nothing")
    func readOnly() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        _ = try await temporary.workspace.addComment(to: "h", text: "버스 노선을 늘려 주세요")
        let path = temporary.folder.appendingPathComponent("madang.sqlite").path
        guard ReadOnlyTests.chattr("+i", path) else {
            print("Skipped: this file system cannot make \(path) immutable (chattr +i), so a read-only file cannot be made here.")
            return
        }
        defer { _ = ReadOnlyTests.chattr("-i", path) }
        let workspace = try await Workspace.open(at: path, actor: "reader")
        #expect(try await workspace.items(of: "h").items.map(\.body) == ["버스 노선을 늘려 주세요"])
        #expect(try await workspace.search("h", for: "버스").count == 1)
        #expect(try await workspace.hearings().map(\.items) == [1])
        #expect(try await workspace.digest("h").contains("# A hearing"))
        #expect(try await workspace.auditLog(of: "h").count == 2)
        await #expect(throws: StoreError.readOnly(path: path)) {
            try await workspace.addComment(to: "h", text: "another")
        }
        await #expect(throws: StoreError.readOnly(path: path)) { try await workspace.withdrawItem(1, reason: "x") }
    }

    @Test("A statement moved in the speaking order shifts those between by one, and the move is audited")
    func move() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        _ = try await workspace.addParticipant(to: "h", name: "Kim", role: .chair)
        var ids: [Int64] = []
        for n in 1...5 { ids.append(try #require(try await workspace.addStatement(to: "h", speaker: "1", text: "remark \(n)").id)) }
        func order() async throws -> [String] { try await workspace.items(of: "h").items.map(\.body) }
        #expect(try await workspace.moveStatement(ids[3], to: 2).speakingOrder == 2)
        #expect(try await order() == ["remark 1", "remark 4", "remark 2", "remark 3", "remark 5"])
        _ = try await workspace.moveStatement(ids[0], to: 99)
        #expect(try await order() == ["remark 4", "remark 2", "remark 3", "remark 5", "remark 1"])
        #expect(try await workspace.items(of: "h").items.map { $0.speakingOrder ?? 0 } == [1, 2, 3, 4, 5])
        #expect(try await workspace.auditLog(of: "h").last?.details?.contains("1 → 5") == true)
        let comment = try #require(try await workspace.addComment(to: "h", text: "a comment").id)
        await #expect(throws: StoreError.fieldNotOfKind(field: "speaking order", kind: .comment)) {
            try await workspace.moveStatement(comment, to: 1)
        }
    }
}
