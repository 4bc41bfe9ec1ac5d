import HTTPTypes
import Hummingbird

/// Sets on every response the headers that keep a page from running anything but our own
/// files: a content security policy with no inline script, no framing, no sniffing.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = WebContext

    /// Pages run only the server's own script files and load only its own style sheets.
    static let policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    /// Rendered documents keep the style their templates put inline, and run nothing.
    static let documentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'"

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = SecurityHeaders.policy }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        return response
    }
}
