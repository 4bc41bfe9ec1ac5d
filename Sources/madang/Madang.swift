import ArgumentParser

@main
struct Madang: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "madang",
        abstract: "Collect and digest what people say at public hearings and in citizen participation.",
        discussion: """
            Everything is kept in one SQLite file: ./madang.sqlite, or the file named by --db PATH \
            or the MADANG_DB environment variable.

            Examples:
              madang demo
              madang init
              madang hearing add plan-4 --title "4th Smart City Plan" --date 2024-01-05
              madang panel add plan-4 "Kim Gap-seong" --role chair
              madang record plan-4
              madang digest plan-4 -o digest.md
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, HearingCommand.self, PanelCommand.self, Record.self,
            StatementCommand.self, CommentCommand.self, ProposalCommand.self, ImportCommand.self, ImportsCommand.self,
            GoalsCommand.self, CategorizeCommand.self, TagCommand.self, UntagCommand.self, EvaluateCommand.self,
            EditCommand.self, WithdrawCommand.self, RestoreCommand.self, RespondCommand.self, ResponsesCommand.self, ReportCommand.self, NoticesCommand.self, CampaignsCommand.self,
            Items.self, Search.self, DigestCommand.self, LogCommand.self, DemoCommand.self, ServeCommand.self, UsersCommand.self,
        ]
    )

    /// Parses the command line and runs the command; a library's error is printed with
    /// the advice that names what to type next (see ``Advice``).
    static func main() async {
        if let problem = CommandSuggestion.problem(in: Array(CommandLine.arguments.dropFirst()), root: Madang.self) {
            exit(withError: ValidationError(problem))
        }
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: Advice.explain(error))
        }
    }
}
