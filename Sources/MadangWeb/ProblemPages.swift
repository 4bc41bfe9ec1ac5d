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
            default: throw HTTPError(.unprocessableContent, message: error.description)
            }
        } catch let error as ServiceError {
            throw HTTPError(.unprocessableContent, message: error.description)
        } catch let error as ValidationError {
            throw HTTPError(.unprocessableContent, message: error.description)
        }
    }
}
