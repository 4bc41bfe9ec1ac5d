import Foundation
import Hummingbird
import MadangCore
import MadangService

/// Turns what the service refuses into answers a person can act on: 404 for a hearing or
/// item that is not there, 422 with the reason for a change that cannot be made. Anything
/// else stays a fault of the server (500), its details kept out of the page.
struct ProblemPages: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as StoreError {
            switch error {
            case .unknownHearing, .unknownItem, .unknownCampaign: throw HTTPError(.notFound)
            default: return try problem(error, request)
            }
        } catch let error as ServiceError {
            return try problem(error, request)
        }
    }

    /// A script's call gets the reason as JSON (Hummingbird's error body); a person's form,
    /// a page that says it in their language, with a way back.
    private func problem(_ error: any Error & CustomStringConvertible, _ request: Request) throws -> Response {
        let w = Wording.of(query: nil, acceptLanguage: request.headers[.acceptLanguage], fallback: .ko)
        let message = ProblemPages.message(error, w)
        if request.uri.path.hasPrefix("/api/") { throw HTTPError(.unprocessableContent, message: message) }
        let back = request.headers[.referer].flatMap { URL(string: $0)?.path }.flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/console"
        return WebServer.html(WebServer.refusal(message, wording: w, back: back), status: .unprocessableContent)
    }

    /// What went wrong, in the page's language: the refusals a console's user meets, in
    /// Korean too; any other in the library's own (English) words.
    static func message(_ error: any Error & CustomStringConvertible, _ w: Wording) -> String {
        switch error {
        case StoreError.invalid(.reasonRequired(let state)):
            w("\(state) 답변에는 사유가 필요합니다. 의견을 반영하지 않는 (또는 일부만 반영하는) 까닭을 적어 주세요.", error.description)
        case StoreError.invalid(.empty):
            w("내용이 비어 있습니다. 글을 적어 주세요.", error.description)
        case StoreError.invalid(.invalidEmail(let text)):
            w("'\(text)'은(는) 이메일 주소가 아닙니다.", error.description)
        case StoreError.invalid(.unknownState(let state, _)):
            w("'\(state)'은(는) 이 공청회의 답변 상태가 아닙니다.", error.description)
        case StoreError.itemWithdrawn(let id):
            w("\(id)번 항목은 철회되었습니다. 먼저 되살려 주세요.", error.description)
        case StoreError.itemNotWithdrawn(let id):
            w("\(id)번 항목은 철회되지 않았습니다.", error.description)
        case StoreError.unknownGoal(let code, _):
            w("'\(code)'은(는) 이 공청회의 목표가 아닙니다.", error.description)
        case ServiceError.nothingSelected:
            w("답변할 의견을 하나 이상 고르세요.", error.description)
        case StoreError.busy, StoreError.diskFull, StoreError.readOnly:
            w("저장하지 못했습니다: 데이터베이스 파일을 쓸 수 없습니다. 관리자에게 알려 주세요.", error.description)
        default:
            error.description
        }
    }
}
