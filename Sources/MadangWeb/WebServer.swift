import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import MadangCore
import MadangService
import NIOCore

/// `madang serve`: the organizer's console and each hearing's public opinion form, over
/// HTTP, on one Madang database. Every page and call goes through the service layer.
///
/// ```swift
/// let server = WebServer(workspace: workspace, options: .init(port: 8080))
/// try await server.run { address in print("Listening on \(address)") }
/// ```
public struct WebServer: Sendable {
    /// How the server listens and what it allows.
    public struct Options: Sendable {
        public var host: String
        public var port: Int
        /// Opinions one address may send through public forms in a minute; 0 for no limit.
        public var submissionsPerMinute: Int
        /// Whether cookies are marked `Secure` (sent over HTTPS only). Needed on any address
        /// but loopback, where the server should stand behind an HTTPS proxy.
        public var secureCookies: Bool

        public init(host: String = "127.0.0.1", port: Int = 8080, submissionsPerMinute: Int = 10, secureCookies: Bool? = nil) {
            self.host = host
            self.port = port
            self.submissionsPerMinute = submissionsPerMinute
            self.secureCookies = secureCookies ?? !WebServer.isLoopback(host)
        }
    }

    let workspace: Workspace
    let options: Options

    public init(workspace: Workspace, options: Options = Options()) {
        self.workspace = workspace
        self.options = options
    }

    /// Serves until the process is told to stop (SIGINT or SIGTERM) or the calling task is
    /// cancelled, then finishes the requests under way. `onRunning` gets the base URL once
    /// the port is open.
    public func run(onRunning: @escaping @Sendable (String) async -> Void = { _ in }) async throws {
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "Madang"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                let host = options.host.contains(":") ? "[\(options.host)]" : options.host
                await onRunning("http://\(host):\(port)")
            },
            logger: WebServer.logger)
        let group = ServiceGroup(configuration: .init(
            services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: WebServer.logger))
        // The group runs in a task of its own, so cancelling the caller shuts it down gracefully
        // rather than cancelling the connections under way.
        let running = Task { try await group.run() }
        try await withTaskCancellationHandler {
            try await running.value
        } onCancel: {
            Task { await group.triggerGracefulShutdown() }
        }
    }

    /// Every route, behind the security headers and the session reader.
    func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ProblemPages())
        router.add(middleware: SessionReader(workspace: workspace))
        router.get("/") { _, _ in Response.redirect(to: "/console") }
        router.get("/assets/:file") { _, context in try WebServer.asset(context.parameters.require("file")) }
        PublicRoutes(workspace: workspace, options: options).register(on: router)
        ConsoleRoutes(workspace: workspace, secureCookies: options.secureCookies).register(on: router)
        return router
    }

    /// A file of the module's `Assets` folder, or 404.
    static func asset(_ name: String) throws -> Response {
        guard let (type, bytes) = assets[name] else { throw HTTPError(.notFound) }
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: bytes))
    }

    /// The files of the `Assets` folder by name, with their media types, read once.
    private static let assets: [String: (String, ByteBuffer)] = {
        var files: [String: (String, ByteBuffer)] = [:]
        for (file, type) in ["madang.css": "text/css; charset=utf-8", "console.js": "text/javascript; charset=utf-8"] {
            guard let url = Bundle.module.url(forResource: "Assets/\(file)", withExtension: nil),
                  let data = try? Data(contentsOf: url) else { continue }
            files[file] = (type, ByteBuffer(bytes: data))
        }
        return files
    }()

    /// A page of HTML.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A short page that says why a request was refused, with a way back.
    static func refusal(_ message: String, wording w: Wording, back: String) -> String {
        HTML.page(language: w.code, title: w("요청을 처리하지 못했습니다", "Request refused"), body: """
            <main id="main"><h1>\(w("요청을 처리하지 못했습니다", "Request refused"))</h1><p>\(HTML.escape(message))</p>
            <p><a href="\(HTML.escape(back))">\(w("돌아가기", "Go back"))</a></p></main>
            """)
    }

    /// `value` if it is a token this server could have made (64 hexadecimal digits), so that
    /// a cookie a browser sends back is reused only when it is one of ours.
    static func token(in value: String?) -> String? {
        guard let value, value.utf8.count == 64, value.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        return value
    }

    /// The server's own log: warnings and errors only, so the console shows what the command prints.
    private static let logger: Logger = {
        var logger = Logger(label: "madang.serve")
        logger.logLevel = .warning
        return logger
    }()

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
