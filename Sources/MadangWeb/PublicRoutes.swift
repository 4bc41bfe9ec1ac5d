import Foundation
import Hummingbird
import MadangCore
import MadangService

/// `/h/SLUG`: a hearing's opinion form for the public, with a token against forged posts
/// (kept in a cookie and repeated in the form), a rate limit per address, and a field that
/// only robots fill in.
struct PublicRoutes: Sendable {
    /// The cookie that holds the form's token.
    static let cookie = "madang_form"

    let workspace: Workspace
    let options: WebServer.Options
    let queue: SubmissionQueue
    let limiter: RateLimiter

    init(workspace: Workspace, options: WebServer.Options) {
        let publicWorkspace = workspace.acting(as: "web form")
        self.workspace = publicWorkspace
        self.options = options
        queue = SubmissionQueue(workspace: publicWorkspace)
        limiter = RateLimiter(perMinute: options.submissionsPerMinute)
    }

    func register(on router: Router<WebContext>) {
        router.get("/h/:slug") { request, context in try await show(request, context) }
        router.post("/h/:slug") { request, context in try await submit(request, context) }
        router.get("/h/:slug/receipt/:number") { request, context in
            let (hearing, _) = try await form(context)
            let number = try context.parameters.require("number")
            let page = PublicFormPage(hearing: hearing, wording: wording(request, hearing))
            // A robot caught by the hidden field is thanked without a number; nothing was kept.
            if number == "0" { return WebServer.html(page.receipt(nil)) }
            guard try await workspace.isReceipt(number, of: hearing.slug) else { throw HTTPError(.notFound) }
            return WebServer.html(page.receipt(number))
        }
    }

    private func show(_ request: Request, _ context: WebContext) async throws -> Response {
        let (hearing, period) = try await form(context)
        let page = PublicFormPage(hearing: hearing, wording: wording(request, hearing))
        guard period.isOpen else { return WebServer.html(page.closed(period)) }
        let token = WebServer.token(in: request.cookies[PublicRoutes.cookie]?.value) ?? Workspace.secret()
        var response = WebServer.html(page.form(csrf: token, period: period))
        response.setCookie(Cookie(name: PublicRoutes.cookie, value: token, path: "/h/", secure: options.secureCookies,
                                  httpOnly: true, sameSite: .strict))
        return response
    }

    private func submit(_ request: Request, _ context: WebContext) async throws -> Response {
        var request = request
        let (hearing, period) = try await form(context)
        let w = wording(request, hearing)
        let page = PublicFormPage(hearing: hearing, wording: w)
        let fields = FormFields(try await request.collectBody(upTo: context.maxUploadSize).readableBytesView)
        guard let token = request.cookies[PublicRoutes.cookie]?.value, !token.isEmpty, fields["_csrf"] == token else {
            return WebServer.html(WebServer.refusal(w("이 양식은 만료되었습니다. 의견 양식을 다시 열어 보내 주세요.",
                                                     "This form has expired. Open the opinion form again and send it."),
                                                   wording: w, back: "/h/\(hearing.slug)"), status: .forbidden)
        }
        guard await limiter.allow(context.address) else {
            return WebServer.html(WebServer.refusal(w("보낸 의견이 너무 많습니다. 1분 뒤에 다시 보내 주세요.",
                                                     "Too many opinions from here. Send again in a minute."),
                                                   wording: w, back: "/h/\(hearing.slug)"), status: .tooManyRequests)
        }
        guard period.isOpen else { return WebServer.html(page.closed(period), status: .forbidden) }
        var values = PublicFormPage.Values()
        values.text = fields["text"] ?? ""
        values.name = fields["name"] ?? ""
        values.email = fields["email"] ?? ""
        values.phone = fields["phone"] ?? ""
        values.consent = fields["consent"] == "yes"
        // A robot fills the field people never see: it is told nothing, and nothing is kept.
        if fields.text("website") != nil {
            return Response.redirect(to: "/h/\(hearing.slug)/receipt/0?lang=\(w.code)", type: .normal)
        }
        let comment = PublicComment(text: values.text, name: fields.text("name"), email: fields.text("email"),
                                    phone: fields.text("phone"), consent: values.consent)
        do {
            let item = try await queue.submit(comment, to: hearing.slug).get()
            return Response.redirect(to: "/h/\(hearing.slug)/receipt/\(Workspace.receiptNumber(of: item))?lang=\(w.code)",
                                     type: .normal)
        } catch let error as ServiceError where error == .consentRequired {
            return WebServer.html(page.form(values: values, errors: ["consent": w(
                "연락처를 남기시려면 개인정보 수집·이용에 동의해 주세요. 동의하지 않으시면 연락처 칸을 비워 주세요.",
                "To leave contact details, agree to their collection and use; otherwise leave them empty.")],
                csrf: token, period: period), status: .unprocessableContent)
        } catch StoreError.invalid(let problem) {
            let errors = switch problem {
            case .invalidEmail: ["email": w("이메일 주소를 확인해 주세요 (예: name@example.kr).", "Check the e-mail address (such as name@example.com).")]
            default: ["text": w("의견을 적어 주세요.", "Write your opinion.")]
            }
            return WebServer.html(page.form(values: values, errors: errors, csrf: token, period: period),
                                  status: .unprocessableContent)
        } catch ServiceError.commentsClosed(_, let period) {
            return WebServer.html(page.closed(period), status: .forbidden)
        }
    }

    /// The hearing the path names and its comment period (an unknown hearing is a 404, by ``ProblemPages``).
    private func form(_ context: WebContext) async throws -> (Hearing, CommentPeriod) {
        try await workspace.publicForm(context.parameters.require("slug"))
    }

    private func wording(_ request: Request, _ hearing: Hearing) -> Wording {
        Wording.of(query: request.uri.queryParameters.get("lang"), acceptLanguage: request.headers[.acceptLanguage],
                   fallback: hearing.language)
    }
}
