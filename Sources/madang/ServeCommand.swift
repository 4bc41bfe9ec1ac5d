import ArgumentParser
import Foundation
import MadangCore
import MadangService
import MadangWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the organizer's console and each hearing's public opinion form in a browser.",
        discussion: """
            Organizers sign in with an account made by `madang users add NAME`. The public form of
            a hearing is at /h/SLUG and takes opinions during its comment period (see
            `madang hearing edit --comments-open/--comments-close`). Stop with Ctrl-C.
            On an address other than loopback, put the server behind an HTTPS proxy: its cookies
            are then sent over HTTPS only.

            Examples:
              madang serve
              madang serve --db hearing.sqlite --port 8000
              madang serve --host 0.0.0.0 --port 8080 --submissions-per-minute 20
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"
    @Option(help: "The port to listen on.")
    var port = 8080
    @Option(name: .customLong("submissions-per-minute"), help: ArgumentHelp(
        "Opinions one address may send through public forms in a minute (0: no limit).", valueName: "n"))
    var submissionsPerMinute = 10

    func run() async throws {
        let workspace = try await database.create()
        let hearings = try await workspace.hearings()
        let accounts = try await workspace.accounts()
        let server = WebServer(workspace: workspace, options: .init(host: host, port: port, submissionsPerMinute: submissionsPerMinute))
        try await server.run { base in
            print("Madang is serving \(workspace.path)")
            print("Organizer's console: \(base)/console")
            if accounts.isEmpty { print("  No organizer can sign in yet: add one with `madang users add NAME`.") }
            for summary in hearings {
                let hearing = summary.hearing
                let state = switch CommentPeriod(of: hearing) {
                case .open(let closes?): "open until \(closes)"
                case .open(nil): "open, no closing date"
                case .notYet(let opens): "opens \(opens)"
                case .over(let closed): "closed \(closed)"
                }
                print("Public form of \(hearing.slug): \(base)/h/\(hearing.slug) (\(state))")
            }
            if hearings.contains(where: { $0.hearing.commentsClose == nil }) {
                print("  Set a form's comment period with `madang hearing edit SLUG --comments-open DATE --comments-close DATE`.")
            }
            print("Stop with Ctrl-C.")
            fflush(nil)
        }
        print("Stopped.")
    }
}
