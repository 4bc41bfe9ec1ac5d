import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import MadangCore
import MadangService
import Testing
@testable import MadangWeb

/// A server on a free loopback port over a fresh database with one hearing, `h`, whose title
/// carries markup, one panelist, and an organizer `kim`.
struct RunningServer {
    let folder: URL
    let workspace: Workspace
    let base: String
    let task: Task<Void, any Error>

    static func start(submissionsPerMinute: Int = 100) async throws -> RunningServer {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("madang-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let workspace = try await Workspace.create(at: folder.appendingPathComponent("madang.sqlite").path, actor: "tester")
        _ = try await workspace.addHearing(Hearing(slug: "h", title: "<b>Plan</b> 계획", language: .ko))
        _ = try await workspace.addParticipant(to: "h", name: "김민수", role: .chair)
        try await workspace.setPassword(account: "kim", password: "a long passphrase")
        let server = WebServer(workspace: workspace, options: .init(host: "127.0.0.1", port: 0, submissionsPerMinute: submissionsPerMinute))
        let address = AsyncStream.makeStream(of: String.self)
        let task = Task { try await server.run { base in address.continuation.yield(base) } }
        var iterator = address.stream.makeAsyncIterator()
        let base = try #require(await iterator.next())
        return RunningServer(folder: folder, workspace: workspace, base: base, task: task)
    }

    func stop() {
        task.cancel()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Sends a request without following redirects; returns the status, headers and body.
    func send(
        _ method: String, _ path: String, form: [(String, String)]? = nil, json: String? = nil, headers: [String: String] = [:]
    ) async throws -> (status: Int, headers: [String: String], body: String) {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.httpShouldHandleCookies = false
        request.setValue("ko-KR,ko;q=0.9", forHTTPHeaderField: "Accept-Language")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let form {
            let allowed = CharacterSet.alphanumerics
            request.httpBody = Data(form.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
                .joined(separator: "&").utf8)
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        }
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await RunningServer.session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        let fields = Dictionary(http.allHeaderFields.map { ("\($0.key)".lowercased(), "\($0.value)") }, uniquingKeysWith: { a, _ in a })
        return (http.statusCode, fields, String(decoding: data, as: UTF8.self))
    }

    /// A session that hands each redirect back to the test instead of following it.
    static let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)

    /// The value of cookie `name` that a response set.
    static func cookie(_ name: String, in headers: [String: String]) -> String? {
        guard let header = headers["set-cookie"], let range = header.range(of: "\(name)=") else { return nil }
        return String(header[range.upperBound...].prefix { $0 != ";" })
    }

    /// The value of the hidden `_csrf` field of a page.
    static func token(in page: String) -> String? {
        guard let range = page.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }
}

/// Hands each redirect back to the test instead of following it.
final class NoRedirects: NSObject, URLSessionTaskDelegate {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

@Suite("madang serve: the public form and the console over HTTP", .serialized)
struct WebServerTests {
    @Test("The public form sets its token cookie and a policy without inline script, and escapes the title")
    func form() async throws {
        let server = try await RunningServer.start()
        defer { server.stop() }
        let page = try await server.send("GET", "/h/h")
        #expect(page.status == 200)
        #expect(page.headers["content-security-policy"]?.contains("script-src 'self'") == true)
        #expect(page.headers["content-security-policy"]?.contains("unsafe-inline") == false)
        #expect(page.headers["set-cookie"]?.contains("HttpOnly") == true && page.headers["set-cookie"]?.contains("SameSite=Strict") == true)
        #expect(page.body.contains("&lt;b&gt;Plan&lt;/b&gt; 계획") && !page.body.contains("<b>Plan"), "\(page.body)")
        #expect(page.body.contains("개인정보 수집·이용 동의"))
        #expect(try await server.send("GET", "/h/nope").status == 404)
        // A cookie that is not one of ours is replaced, not echoed into the page.
        let odd = try await server.send("GET", "/h/h", headers: ["Cookie": "madang_form=\"><script>x()</script>"])
        #expect(odd.status == 200 && !odd.body.contains("<script>x()"))
        #expect(RunningServer.cookie("madang_form", in: odd.headers)?.count == 64)
    }

    @Test("A post needs the form's token; with it the opinion is stored and a receipt given; a robot's is not")
    func submit() async throws {
        let server = try await RunningServer.start()
        defer { server.stop() }
        let page = try await server.send("GET", "/h/h")
        let cookie = try #require(RunningServer.cookie("madang_form", in: page.headers))
        #expect(RunningServer.token(in: page.body) == cookie)
        let forged = try await server.send("POST", "/h/h", form: [("text", "forged")], headers: ["Cookie": "madang_form=\(cookie)"])
        #expect(forged.status == 403)
        let sent = try await server.send("POST", "/h/h", form: [("_csrf", cookie), ("text", "버스 <script>x()</script>")],
                                         headers: ["Cookie": "madang_form=\(cookie)"])
        #expect(sent.status == 303)
        let stored = try await server.workspace.items(of: "h").items
        #expect(stored.map(\.body) == ["버스 <script>x()</script>"] && stored.first?.provenance == .web)
        #expect(sent.headers["location"] == "/h/h/receipt/\(Workspace.receiptNumber(of: stored[0]))?lang=ko")
        let receipt = try await server.send("GET", sent.headers["location"] ?? "")
        #expect(receipt.status == 200 && receipt.body.contains(Workspace.receiptNumber(of: stored[0])))
        #expect(try await server.send("GET", "/h/h/receipt/1-999999").status == 404, "no page for a receipt never given")
        let robot = try await server.send("POST", "/h/h", form: [("_csrf", cookie), ("text", "spam"), ("website", "http://spam")],
                                          headers: ["Cookie": "madang_form=\(cookie)"])
        #expect(robot.status == 303)
        #expect(try await server.workspace.items(of: "h").items.count == 1, "the honeypot's post is not kept")
        let noConsent = try await server.send("POST", "/h/h", form: [("_csrf", cookie), ("text", "연락 주세요"), ("email", "a@b.kr")],
                                              headers: ["Cookie": "madang_form=\(cookie)"])
        #expect(noConsent.status == 422 && noConsent.body.contains("id=\"consent-error\""))
        #expect(noConsent.body.contains("연락 주세요"), "what the sender typed comes back to them")
    }

    @Test("One address may send only so many opinions a minute")
    func rateLimit() async throws {
        let server = try await RunningServer.start(submissionsPerMinute: 2)
        defer { server.stop() }
        let cookie = try #require(RunningServer.cookie("madang_form", in: try await server.send("GET", "/h/h").headers))
        var statuses: [Int] = []
        for n in 1...3 {
            statuses.append(try await server.send("POST", "/h/h", form: [("_csrf", cookie), ("text", "의견 \(n)")],
                                                  headers: ["Cookie": "madang_form=\(cookie)"]).status)
        }
        #expect(statuses == [303, 303, 429])
        #expect(try await server.workspace.items(of: "h").items.count == 2)
    }

    @Test("The console needs a session; its calls need the session's token; a remark's key keeps it single")
    func console() async throws {
        let server = try await RunningServer.start()
        defer { server.stop() }
        let unsigned = try await server.send("GET", "/console")
        #expect(unsigned.status == 303 && unsigned.headers["location"] == "/signin")
        let form = try await server.send("GET", "/signin")
        let signInCookie = try #require(RunningServer.cookie("madang_signin", in: form.headers))
        let wrong = try await server.send("POST", "/signin", form: [("_csrf", signInCookie), ("name", "kim"), ("password", "nope nope nope")],
                                          headers: ["Cookie": "madang_signin=\(signInCookie)"])
        #expect(wrong.status == 401 && RunningServer.cookie("madang_session", in: wrong.headers) == nil)
        let signedIn = try await server.send("POST", "/signin", form: [("_csrf", signInCookie), ("name", "kim"), ("password", "a long passphrase")],
                                             headers: ["Cookie": "madang_signin=\(signInCookie)"])
        let session = try #require(RunningServer.cookie("madang_session", in: signedIn.headers))
        let live = try await server.send("GET", "/console/h/h", headers: ["Cookie": "madang_session=\(session)"])
        #expect(live.status == 200 && live.body.contains("김민수"))
        let csrf = try #require(live.body.range(of: "data-csrf=\"").map { String(live.body[$0.upperBound...].prefix { $0 != "\"" }) })
        let remark = #"{"key": "k-1", "speaker": "1", "text": "첫 발언입니다"}"#
        let forged = try await server.send("POST", "/api/h/h/statements", json: remark, headers: ["Cookie": "madang_session=\(session)"])
        #expect(forged.status == 403)
        let headers = ["Cookie": "madang_session=\(session)", "X-CSRF-Token": csrf]
        let first = try await server.send("POST", "/api/h/h/statements", json: remark, headers: headers)
        let again = try await server.send("POST", "/api/h/h/statements", json: remark, headers: headers)
        #expect(first.status == 200 && first.body == again.body)
        let statements = try await server.workspace.items(of: "h").items
        #expect(statements.count == 1 && statements[0].speakingOrder == 1)
        let log = try await server.workspace.auditLog(of: "h")
        #expect(log.last?.actor == "kim", "the audit log names the organizer signed in")
    }
}
