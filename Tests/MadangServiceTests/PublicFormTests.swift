import Foundation
import MadangCore
import MadangService
import Testing

@Suite("Organizers' accounts and the public form: what `madang serve` stands on")
struct PublicFormTests {
    @Test("A password is kept as a bcrypt hash; signing in starts a session that signing out ends")
    func accounts() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        await #expect(throws: StoreError.invalid(.shortPassword(minimum: Workspace.minimumPasswordLength))) {
            try await workspace.setPassword(account: "kim", password: "short")
        }
        #expect(try await workspace.setPassword(account: "kim", password: "a long passphrase"))
        #expect(try await workspace.accounts() == ["kim"])
        await #expect(throws: ServiceError.signInRefused) { try await workspace.signIn(account: "kim", password: "wrong one!!") }
        await #expect(throws: ServiceError.signInRefused) { try await workspace.signIn(account: "lee", password: "a long passphrase") }
        let session = try await workspace.signIn(account: "kim", password: "a long passphrase")
        #expect(session.token.count == 64 && session.csrf.count == 64 && session.token != session.csrf)
        #expect(try await workspace.session(token: session.token)?.name == "kim")
        #expect(try await workspace.session(token: session.csrf) == nil, "the form token is no session secret")
        try await workspace.signOut(token: session.token)
        #expect(try await workspace.session(token: session.token) == nil)
        // A new password ends the sessions started with the old one.
        let again = try await workspace.signIn(account: "kim", password: "a long passphrase")
        #expect(try await workspace.setPassword(account: "kim", password: "another passphrase") == false)
        #expect(try await workspace.session(token: again.token) == nil)
        let log = try await workspace.auditLog().map(\.action)
        #expect(log.contains("account.add") && log.contains("account.password"))
        #expect(try await workspace.auditLog().allSatisfy { !($0.details ?? "").contains("$2") }, "no hash in the audit log")
    }

    @Test("Opinions from the web form are comments received online, contact kept only with consent")
    func submissions() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        let workspace = temporary.workspace.acting(as: "web form")
        let results = try await workspace.submitComments(to: "h", [
            PublicComment(text: "버스를 늘려 주세요", name: "홍길동"),
            PublicComment(text: "연락 주세요", email: "a@example.kr"),
            PublicComment(text: "  "),
            PublicComment(text: "연락 주세요", email: "a@example.kr", phone: "010-1234-5678", consent: true),
        ])
        let first = try results[0].get()
        #expect(first.provenance == .web && first.channel == .online && first.author == "홍길동" && first.contact.isEmpty)
        #expect(throws: ServiceError.consentRequired) { try results[1].get() }
        #expect(throws: StoreError.self) { try results[2].get() }
        let consented = try results[3].get()
        #expect(consented.contact == Contact(email: "a@example.kr", phone: "010-1234-5678"))
        #expect(try await workspace.items(of: "h").items.count == 2, "refused opinions leave nothing behind")
        #expect(Workspace.receiptNumber(of: first) == "\(first.hearingID)-" + String(format: "%06d", first.id ?? 0))
        #expect(try await workspace.items(of: "h", after: first.id ?? 0).map(\.id) == [consented.id])
    }

    @Test("The form takes opinions only during the hearing's comment period, in its time zone")
    func period() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        _ = try await workspace.editHearing("h") { $0.commentsClose = try! LocalDateTime(parsing: "2020-01-31") }
        await #expect(throws: ServiceError.commentsClosed(hearing: "h", period: .over(closed: try LocalDateTime(parsing: "2020-01-31")))) {
            try await workspace.submitComments(to: "h", [PublicComment(text: "late")])
        }
        #expect(try await workspace.items(of: "h").items.isEmpty)
        _ = try await workspace.editHearing("h") { $0.commentsOpen = try! LocalDateTime(parsing: "2019-12-01") }
        _ = try await workspace.editHearing("h") { $0.commentsClose = nil }
        #expect(try await workspace.publicForm("h").period == .open(closes: nil))
        await #expect(throws: StoreError.self) {
            try await workspace.editHearing("h") {
                $0.commentsOpen = try! LocalDateTime(parsing: "2030-01-02")
                $0.commentsClose = try! LocalDateTime(parsing: "2030-01-01")
            }
        }
    }

    @Test("A remark sent twice with its key is stored once")
    func keyedRemarks() async throws {
        let temporary = try await TemporaryWorkspace()
        defer { temporary.remove() }
        let workspace = temporary.workspace
        _ = try await workspace.addParticipant(to: "h", name: "김민수", role: .chair)
        let first = try await workspace.addStatement(to: "h", speaker: "1", text: "첫 발언", key: "k-1")
        let again = try await workspace.addStatement(to: "h", speaker: "1", text: "첫 발언", key: "k-1")
        let other = try await workspace.addStatement(to: "h", speaker: "1", text: "첫 발언", key: "k-2")
        #expect(first.id == again.id && first.speakingOrder == 1)
        #expect(other.id != first.id && other.speakingOrder == 2)
        #expect(try await workspace.items(of: "h").items.count == 2)
    }
}
