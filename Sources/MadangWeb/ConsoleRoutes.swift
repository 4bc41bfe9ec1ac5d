import Foundation
import HTTPTypes
import Hummingbird
import MadangCore
import MadangService
import NIOCore

/// The organizer's console: sign-in, the hearings, live entry of the panel's remarks,
/// corrections, the opinions with their goals, answers, and the documents. Each change is
/// made through a workspace acting as the signed-in organizer, so the audit log names them.
struct ConsoleRoutes: Sendable {
    let workspace: Workspace
    let secureCookies: Bool
    /// Sign-in attempts an address may make in a minute.
    let signIns = RateLimiter(perMinute: 10)

    func register(on router: Router<WebContext>) {
        router.get("/signin") { request, _ in signInPage(request) }
        router.post("/signin") { request, context in try await signIn(request, context) }
        router.post("/signout") { request, context in
            let (session, _) = try await checked(request, context)
            try await workspace.signOut(token: session.token)
            var response = Response.redirect(to: "/signin", type: .normal)
            response.setCookie(Cookie(name: SessionReader.cookie, value: "", maxAge: 0, path: "/", secure: secureCookies,
                                      httpOnly: true, sameSite: .strict))
            return response
        }
        router.get("/console") { request, context in
            let session = try signedIn(context)
            let w = wording(request)
            let page = ConsolePage(wording: w, session: session)
            return WebServer.html(page.hearings(try await workspace.hearings()))
        }
        router.get("/console/h/:slug") { request, context in
            let session = try signedIn(context)
            let slug = try context.parameters.require("slug")
            let details = try await workspace.hearing(slug)
            let items = try await workspace.items(of: slug, kind: .statement, withdrawn: true, withGoals: false).items
            let page = ConsolePage(wording: wording(request), session: session)
            return WebServer.html(page.liveEntry(details, statements: items))
        }
        router.get("/console/h/:slug/opinions") { request, context in
            let session = try signedIn(context)
            let slug = try context.parameters.require("slug")
            let details = try await workspace.hearing(slug)
            let query = request.uri.queryParameters
            let search = query.get("q").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            let goal = query.get("goal").flatMap { $0.isEmpty ? nil : $0 }
            let offset = query.get("from").flatMap(Int.init) ?? 0
            let listing = try await workspace.opinions(of: slug, goal: goal, search: search, page: .init(offset: offset, limit: 50))
            let page = ConsolePage(wording: wording(request), session: session)
            return WebServer.html(page.opinions(
                details, listing: listing, goals: try await workspace.goals(of: slug), states: try await workspace.responseStates(slug),
                search: search, goal: goal))
        }
        router.post("/console/h/:slug/respond") { request, context in
            let (session, fields) = try await checked(request, context)
            let slug = try context.parameters.require("slug")
            let ids = fields.all("item").compactMap(Int64.init)
            let change = ResponseChange(state: fields.text("state"), text: fields.text("text"), reason: fields.text("reason"))
            _ = try await workspace.acting(as: session.name).respond(slug, to: OpinionSelection(items: ids), change)
            return Response.redirect(to: "/console/h/\(slug)/opinions", type: .normal)
        }
        router.post("/console/items/:id/goal") { request, context in
            let (session, fields) = try await checked(request, context)
            let id = try context.parameters.require("id", as: Int64.self)
            guard let goal = fields.text("goal") else { throw HTTPError(.badRequest) }
            try await workspace.acting(as: session.name).decide(item: id, goal: goal, tagged: fields["tagged"] == "yes")
            guard let slug = try? Hearing.validSlug(fields["slug"] ?? "") else { return Response.redirect(to: "/console", type: .normal) }
            return Response.redirect(to: "/console/h/\(slug)/opinions", type: .normal)
        }
        router.get("/console/h/:slug/documents/:kind") { request, context in
            _ = try signedIn(context)
            let slug = try context.parameters.require("slug")
            // A document is in the hearing's language unless `?lang=` asks for another; the
            // browser's language only where the hearing has none.
            let asked = request.uri.queryParameters.get("lang").flatMap(DocumentLanguage.init(rawValue:))
            let fallback = wording(request).language
            let html = switch try context.parameters.require("kind") {
            case "digest":
                try await workspace.digest(slug, DigestRequest(format: .html, language: asked, defaultLanguage: fallback))
            case "report":
                try await workspace.report(slug, DocumentRequest(format: .html, language: asked, defaultLanguage: fallback, drafts: true))
            case "notices":
                // The notices hold commenters' contact details: for the organizer's eyes, never cached.
                String(decoding: try await workspace.notices(
                    slug, format: .html, DocumentRequest(format: .html, language: asked, defaultLanguage: fallback)).bytes, as: UTF8.self)
            default: throw HTTPError(.notFound)
            }
            var response = WebServer.html(html)
            response.headers[.contentSecurityPolicy] = SecurityHeaders.documentPolicy
            response.headers[.cacheControl] = "no-store"
            return response
        }
        LiveEntryAPI(workspace: workspace).register(on: router, checked: checkedJSON)
    }

    // MARK: Signing in

    private func signInPage(_ request: Request, failed: Bool = false) -> Response {
        let w = wording(request)
        let token = WebServer.token(in: request.cookies["madang_signin"]?.value) ?? Workspace.secret()
        var response = WebServer.html(ConsolePage.signIn(wording: w, csrf: token, failed: failed),
                                      status: failed ? .unauthorized : .ok)
        response.setCookie(Cookie(name: "madang_signin", value: token, path: "/signin", secure: secureCookies, httpOnly: true,
                                  sameSite: .strict))
        return response
    }

    private func signIn(_ request: Request, _ context: WebContext) async throws -> Response {
        var request = request
        let fields = FormFields(try await request.collectBody(upTo: context.maxUploadSize).readableBytesView)
        guard let token = request.cookies["madang_signin"]?.value, fields["_csrf"] == token else { throw HTTPError(.forbidden) }
        guard await signIns.allow(context.address) else { throw HTTPError(.tooManyRequests) }
        do {
            let session = try await workspace.signIn(account: fields["name"] ?? "", password: fields["password"] ?? "")
            var response = Response.redirect(to: "/console", type: .normal)
            response.setCookie(Cookie(name: SessionReader.cookie, value: session.token, maxAge: Int(Workspace.sessionLength),
                                      path: "/", secure: secureCookies, httpOnly: true, sameSite: .strict))
            return response
        } catch ServiceError.signInRefused {
            return signInPage(request, failed: true)
        }
    }

    // MARK: Checks

    /// The organizer signed in; pages send everyone else to the sign-in form.
    private func signedIn(_ context: WebContext) throws -> OrganizerSession {
        guard let session = context.session else { throw SignInRequired() }
        return session
    }

    /// The organizer, and the fields of a form that carries their CSRF token; 403 without it.
    private func checked(_ request: Request, _ context: WebContext) async throws -> (OrganizerSession, FormFields) {
        let session = try signedIn(context)
        var request = request
        let fields = FormFields(try await request.collectBody(upTo: context.maxUploadSize).readableBytesView)
        guard fields["_csrf"] == session.csrf else { throw HTTPError(.forbidden, message: "The form's token is missing or stale.") }
        return (session, fields)
    }

    /// The organizer of a script's request that repeats their CSRF token in a header; 401 or 403 otherwise.
    private func checkedJSON(_ request: Request, _ context: WebContext) throws -> OrganizerSession {
        guard let session = context.session else { throw HTTPError(.unauthorized) }
        guard request.headers[HTTPField.Name("X-CSRF-Token")!] == session.csrf else { throw HTTPError(.forbidden) }
        return session
    }

    private func wording(_ request: Request) -> Wording {
        Wording.of(query: request.uri.queryParameters.get("lang"), acceptLanguage: request.headers[.acceptLanguage], fallback: .ko)
    }
}

/// Thrown by a console page opened without signing in: the answer is the sign-in form.
struct SignInRequired: HTTPResponseError {
    var status: HTTPResponse.Status { .seeOther }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response.redirect(to: "/signin", type: .normal)
    }
}
