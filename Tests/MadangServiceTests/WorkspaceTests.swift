import Foundation
import MadangCore
import MadangService
import Testing

@Suite("The service: use cases every front end shares")
struct WorkspaceTests {
    @Test("A read answers while an import holds its transaction open, and sees the state before the import")
    func readsDuringImport() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        _ = try await workspace.addComment(to: "h", text: "typed before the import")
        let path = try temporary.comments(2_000)
        let inside = Latch(), release = Latch()
        let importing = Task {
            try await workspace.importFile(ImportRequest(hearing: "h", source: .file(path: path), kind: .comment)) { progress in
                // Holds the import's transaction open, 500 rows in, until the test has read.
                if progress.rows >= 500, inside.open() { release.wait() }
            }
        }
        #expect(await inside.opened(), "the import never reached its 500th row")
        // If reads waited for the writer, these would wait for `release`, which comes after them.
        let during = try await workspace.items(of: "h")
        let found = try await workspace.search("h", for: "데이터허브")
        let listed = try await workspace.hearings()
        release.open()
        let result = try await importing.value
        #expect(during.items.count == 1 && during.items.first?.body == "typed before the import",
                "the read saw \(during.items.count) items")
        #expect(found.count == 0, "the search found \(found.count) imported items")
        #expect(listed.first?.items == 1)
        #expect(result.imported == 2_000)
        #expect(try await workspace.items(of: "h").items.count == 2_001)
    }

    @Test("A write from another connection waits for a long import, says it is waiting, and then succeeds")
    func writerWaitsForWriter() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        let path = try temporary.comments(2_000)
        let waiting = Latch(), inside = Latch()
        let other = try await Workspace.open(
            at: temporary.folder.appendingPathComponent("madang.sqlite").path, actor: "other", onWaiting: { waiting.open() })
        let importing = Task {
            try await temporary.workspace.importFile(ImportRequest(hearing: "h", source: .file(path: path), kind: .comment)) { progress in
                // Holds the import's write transaction open until the other writer has waited.
                if progress.rows >= 500, inside.open() { waiting.wait() }
            }
        }
        #expect(await inside.opened(), "the import never reached its 500th row")
        let comment = try await other.addComment(to: "h", text: "typed while the import ran")
        #expect(waiting.isOpen, "the other writer never said it was waiting")
        #expect(try await importing.value.imported == 2_000)
        #expect(comment.id != nil)
        #expect(try await other.items(of: "h").items.count == 2_001)
    }

    @Test("Cancelling the task that imports stops it and keeps nothing")
    func cancelledImport() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        let path = try temporary.comments(5_000)
        let inside = Latch(), cancelled = Latch()
        let importing = Task {
            try await workspace.importFile(ImportRequest(hearing: "h", source: .file(path: path), kind: .comment)) { progress in
                if progress.rows >= 100, inside.open() { cancelled.wait() }
            }
        }
        #expect(await inside.opened())
        importing.cancel()
        cancelled.open()
        await #expect(throws: ServiceError.cancelled) { try await importing.value }
        #expect(try await workspace.items(of: "h").items.isEmpty)
        #expect(try await workspace.importBatches().isEmpty)
        // Nothing of it stands in the way of the same file.
        #expect(try await workspace.importFile(ImportRequest(hearing: "h", source: .file(path: path), kind: .comment)).imported == 5_000)
    }

    @Test("An upload in memory imports exactly as the same file on disk")
    func upload() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        _ = try await workspace.addHearing(Hearing(slug: "h2", title: "Another hearing"))
        let path = try temporary.comments(300)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let fromFile = try await workspace.importFile(ImportRequest(hearing: "h", source: .file(path: path), kind: .comment))
        let prepared = try await workspace.prepareImport(
            ImportRequest(hearing: "h2", source: .upload(name: "upload.csv", bytes: bytes), kind: .comment))
        #expect(prepared.plan.mapped.map(\.field) == ["title", "body"])
        #expect(prepared.plan.encoding == "utf-8" && prepared.plan.delimiter == "comma")
        let fromUpload = try await workspace.runImport(prepared)
        #expect(fromUpload.imported == 300 && fromFile.imported == 300)
        guard case .stored(let batch) = fromUpload.outcome, case .stored(let fileBatch) = fromFile.outcome else {
            Issue.record("an import was not stored")
            return
        }
        #expect(batch.fileName == "upload.csv" && batch.sha256 == fileBatch.sha256)
        let a = try await workspace.items(of: "h").items, b = try await workspace.items(of: "h2").items
        #expect(a.map(\.body) == b.map(\.body) && a.map(\.title) == b.map(\.title))
    }

    @Test("Options are checked before anything is read, as structured errors")
    func checkedOptions() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        let path = try temporary.comments(3)
        var request = ImportRequest(hearing: "h", source: .file(path: path), kind: .comment)
        request.encoding = "ebcdic"
        await #expect(throws: ServiceError.unknownEncoding("ebcdic", known: ["auto", "utf-8", "utf-16le", "utf-16be", "cp949", "windows-1252"])) {
            try await temporary.workspace.prepareImport(request)
        }
        request.encoding = "auto"
        request.timeZone = "Mars/Olympus"
        await #expect(throws: ServiceError.unknownTimeZone("Mars/Olympus")) { try await temporary.workspace.prepareImport(request) }
        request.timeZone = "KST"
        request.delimiter = "\""
        await #expect(throws: ServiceError.invalidDelimiter("\"")) { try await temporary.workspace.prepareImport(request) }
        request.delimiter = nil
        request.hearing = "nope"
        await #expect(throws: StoreError.unknownHearing(slug: "nope", existing: ["h"])) { try await temporary.workspace.prepareImport(request) }
    }

    @Test("acting(as:) writes another name in the audit log through the same open file")
    func actingAs() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        let clerk = temporary.workspace.acting(as: "clerk@city")
        _ = try await clerk.addComment(to: "h", text: "entered by the clerk")
        _ = try await temporary.workspace.addComment(to: "h", text: "entered by the tester")
        let log = try await temporary.workspace.auditLog().filter { $0.action == "item.add" }
        #expect(log.map(\.actor) == ["clerk@city", "tester"])
        #expect(clerk.path == temporary.workspace.path)
    }

    @Test("Items come a page at a time, in the listing's order, and the last page says so")
    func pages() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        for number in 1...5 { _ = try await temporary.workspace.addComment(to: "h", text: "comment \(number)") }
        var request: ItemPage.Request? = ItemPage.Request(limit: 2)
        var pages: [[String]] = []
        while let next = request {
            let page = try await temporary.workspace.items(of: "h", page: next)
            pages.append(page.items.map(\.body))
            request = page.next
        }
        #expect(pages == [["comment 1", "comment 2"], ["comment 3", "comment 4"], ["comment 5"]])
        #expect(try await temporary.workspace.items(of: "h").next == nil)
    }

    @Test("A transcript with a line that names nobody stores nothing and says where")
    func transcript() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        _ = try await workspace.addParticipant(to: "h", name: "Kim Gap-seong", role: .chair)
        _ = try await workspace.addParticipant(to: "h", name: "Nam Gwang-woo")
        let bad = Array("kim: Welcome.\nlee: Who?\n".utf8)
        await #expect(throws: ServiceError.self) { try await workspace.recordTranscript("h", text: bad, source: "t.txt") }
        do {
            _ = try await workspace.recordTranscript("h", text: bad, source: "t.txt")
        } catch ServiceError.transcript(let problems) {
            #expect(problems.map(\.line) == [2] && problems.first?.description.hasPrefix("t.txt:2:1: ") == true)
        }
        #expect(try await workspace.items(of: "h").items.isEmpty)
        let stored = try await workspace.recordTranscript("h", text: Array("kim: Welcome.\n2: Standards.\nAnd data.\n".utf8), source: "t.txt")
        #expect(stored.map(\.speakingOrder) == [1, 2, 3])
        #expect(stored.map(\.speaker) == ["Kim Gap-seong", "Nam Gwang-woo", "Nam Gwang-woo"])
    }

    @Test("Live entry stores each remark as it is entered, and takes back the last")
    func liveRecording() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        await #expect(throws: ServiceError.noPanel(hearing: "h")) { try await workspace.startRecording("h") }
        _ = try await workspace.addParticipant(to: "h", name: "Nam Gwang-woo")
        let recording = try await workspace.startRecording("h")
        guard case .saved(let first, _) = await recording.enter("1: Standards matter.") else {
            Issue.record("the first remark was not saved")
            return
        }
        #expect(first.speakingOrder == 1)
        #expect(try await workspace.items(of: "h").items.count == 1)
        _ = await recording.enter("And so does data.")
        guard case .tookBack(let last) = await recording.enter("/undo") else {
            Issue.record("/undo took nothing back")
            return
        }
        #expect(last.body == "And so does data.")
        #expect(try await workspace.items(of: "h").items.map(\.body) == ["Standards matter."])
        #expect(await recording.recorded.count == 1)
    }
}
