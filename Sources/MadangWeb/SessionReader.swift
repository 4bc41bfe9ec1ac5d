import Hummingbird
import MadangService

/// Finds the organizer whose session cookie came with a request, and puts them on its context.
struct SessionReader: RouterMiddleware {
    typealias Context = WebContext

    /// The cookie that holds an organizer's session secret.
    static let cookie = "madang_session"

    let workspace: Workspace

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        // Only the console's paths read the session: the public form and the files never look one up.
        let path = request.uri.path
        if !path.hasPrefix("/h/"), !path.hasPrefix("/assets/"), let token = request.cookies[SessionReader.cookie]?.value, !token.isEmpty {
            context.session = try await workspace.session(token: token)
        }
        return try await next(request, context)
    }
}
