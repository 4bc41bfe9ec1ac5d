import ArgumentParser
import Foundation
import MadangService

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Add and list the organizers who sign in to `madang serve`.",
        subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an organizer's account, or give an account a new password.",
            discussion: """
                The password is asked for twice at the terminal, or read as the first line of
                standard input when that is not a terminal (a script can pipe it in). Only its
                bcrypt hash is kept. A new password for an existing account signs it out
                everywhere.

                Examples:
                  madang users add kim.jiyoung
                  madang users add clerk --db hearing.sqlite
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The account name: letters, digits, dots, hyphens, underscores or @.")
        var name: String

        func run() async throws {
            let password: String
            if isatty(STDIN_FILENO) == 1 {
                password = try Add.ask("Password for \(name): ")
                guard try Add.ask("Again: ") == password else { throw ValidationError("The two passwords differ; nothing was changed.") }
            } else {
                password = readLine(strippingNewline: true) ?? ""
            }
            guard password.count >= Workspace.minimumPasswordLength else {
                throw ValidationError("Use a password of at least \(Workspace.minimumPasswordLength) characters.")
            }
            let workspace = try await database.create()
            let isNew = try await workspace.setPassword(account: name, password: password)
            print(isNew ? "Added \(name). They can sign in with `madang serve`." : "Gave \(name) a new password; their sessions are ended.")
        }

        /// Reads a line from the terminal with echo off.
        private static func ask(_ prompt: String) throws -> String {
            print(prompt, terminator: "")
            fflush(nil)
            var saved = termios()
            tcgetattr(STDIN_FILENO, &saved)
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
            defer {
                tcsetattr(STDIN_FILENO, TCSANOW, &saved)
                print("")
            }
            return readLine(strippingNewline: true) ?? ""
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the organizers' accounts.",
            discussion: """
                Examples:
                  madang users list
                """)

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            for name in try await database.open().accounts() { print(name) }
        }
    }
}
