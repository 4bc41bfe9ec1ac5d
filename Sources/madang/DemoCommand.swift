import ArgumentParser
import Foundation
import MadangCore
import MadangService

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build sample hearings from the seed press releases; write their digest, in English and Korean, and the Korean result report.",
        discussion: """
            Adds three sample hearings to the database (created if needed): the public hearing on \
            the 4th Smart City Comprehensive Plan (smart-city-plan-4), the Gwangju citizen \
            participation group's proposals (gwangju-citizen-group) and the Smart City Convergence \
            Alliance seminar (smart-city-alliance-seminar). Running it again rebuilds those three \
            and leaves every other hearing alone. The plan hearing's opinions are filed under the \
            plan's three goals (the taxonomy of examples/smart-city-plan-4.goals.yaml), five of its \
            comments are answered (accepted, partly, not, with reasons), and its digest is written \
            as .md, .html (open it in a browser and print) and .txt, with the Korean digest \
            (.ko.html) and the Korean result report (.report.ko.html) beside them.

            Examples:
              madang demo
              madang demo --db /tmp/demo.sqlite --out /tmp/digests
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("The folder to write the digests into.", valueName: "folder"))
    var out = "madang-demo"

    func run() async throws {
        let workspace = try await database.create()
        let result = try await workspace.runDemo(writingTo: URL(fileURLWithPath: out))
        print("Built \(result.hearings.count) sample hearings in \(workspace.path):")
        var table = TextTable(header: ["HEARING", "ITEMS"])
        for hearing in result.hearings { table.append([hearing.slug, "\(hearing.items) items"]) }
        print(table.rendered().split(separator: "\n").dropFirst().map { "  " + $0 }.joined(separator: "\n"))
        print("\nDocuments written:")
        for file in result.digests { print("  \(file.path)") }
        // The commands to try next name the same database, when it is not the default one.
        let db = database.db.map { " --db \(Console.shellQuoted($0))" } ?? ""
        print("\nTry next:")
        for command in ["items smart-city-plan-4", "search smart-city-plan-4 데이터허브",
                        "categorize smart-city-plan-4 --explain", "digest smart-city-plan-4 --format txt",
                        "responses list smart-city-plan-4", "report smart-city-plan-4 --lang ko --format txt"] {
            print("  madang \(command)\(db)")
        }
        print("In a browser (add an organizer, then open the console it prints):")
        print("  madang users add NAME\(db)")
        print("  madang serve\(db)")
    }
}
