import Hummingbird
import MadangCore
import NIOCore

/// What a request carries through the server: who sent it, and the organizer signed in, if any.
struct WebContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The sender's IP address, for the public form's rate limit.
    let address: String
    /// The organizer whose session cookie came with the request.
    var session: OrganizerSession?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        address = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The largest body a request may have: a long remark pasted whole fits many times over.
    var maxUploadSize: Int { 256 * 1024 }
}
