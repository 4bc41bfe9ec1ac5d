import Foundation
import Hummingbird
import MadangCore
import MadangService
import NIOCore

/// The calls the console's script makes as an organizer types: record a remark (sent again
/// safely, by its key), read what arrived since, correct, withdraw and restore. JSON in and out.
struct LiveEntryAPI: Sendable {
    let workspace: Workspace

    /// A remark as the page sends it.
    struct Remark: Decodable {
        var key: String
        var speaker: String
        var text: String
    }

    /// An item as the page shows it.
    struct Entry: Encodable {
        var id: Int64
        var kind: String
        var speaker: String?
        var order: Int?
        var author: String?
        var text: String
        var received: String
        var withdrawn: Bool
        var receipt: String?

        init(_ item: Item) {
            id = item.id ?? 0
            kind = item.kind.rawValue
            speaker = item.speaker
            order = item.speakingOrder
            author = item.author
            text = item.text
            received = item.receivedAt.formatted(.iso8601)
            withdrawn = item.withdrawal != nil
            receipt = item.provenance == .web ? Workspace.receiptNumber(of: item) : nil
        }
    }

    func register(
        on router: Router<WebContext>, checked: @escaping @Sendable (Request, WebContext) throws -> OrganizerSession
    ) {
        router.post("/api/h/:slug/statements") { request, context in
            let session = try checked(request, context)
            let remark = try await request.decode(as: Remark.self, context: context)
            guard (1...100).contains(remark.key.count) else { throw HTTPError(.badRequest, message: "A remark needs a key.") }
            do {
                let item = try await workspace.acting(as: session.name).addStatement(
                    to: context.parameters.require("slug"), speaker: remark.speaker, text: remark.text, key: remark.key)
                return try json(Entry(item))
            } catch let error as PanelLookupError {
                throw HTTPError(.unprocessableContent, message: error.description)
            }
        }
        router.get("/api/h/:slug/items") { request, context in
            guard context.session != nil else { throw HTTPError(.unauthorized) }
            let after = request.uri.queryParameters.get("after").flatMap(Int64.init) ?? 0
            return try json(try await workspace.items(of: context.parameters.require("slug"), after: after).map(Entry.init))
        }
        router.post("/api/items/:id") { request, context in
            let session = try checked(request, context)
            let change = try await request.decode(as: [String: String].self, context: context)
            return try json(Entry(try await workspace.acting(as: session.name).editItem(
                context.parameters.require("id", as: Int64.self), ItemChange(body: change["text"]))))
        }
        router.post("/api/items/:id/move") { request, context in
            let session = try checked(request, context)
            guard let position = try await request.decode(as: [String: Int].self, context: context)["position"] else {
                throw HTTPError(.badRequest, message: "Say where the remark goes: {\"position\": N}.")
            }
            return try json(Entry(try await workspace.acting(as: session.name).moveStatement(
                context.parameters.require("id", as: Int64.self), to: position)))
        }
        router.post("/api/items/:id/withdraw") { request, context in
            let session = try checked(request, context)
            let reason = try await request.decode(as: [String: String].self, context: context)["reason"] ?? ""
            return try json(Entry(try await workspace.acting(as: session.name).withdrawItem(
                context.parameters.require("id", as: Int64.self), reason: reason)))
        }
        router.post("/api/items/:id/restore") { request, context in
            let session = try checked(request, context)
            return try json(Entry(try await workspace.acting(as: session.name).restoreItem(
                context.parameters.require("id", as: Int64.self))))
        }
    }

    private func json(_ value: some Encodable) throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(bytes: try LiveEntryAPI.encoder.encode(value))))
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}
