// Imports a CSV file of comments into a new hearing and prints its digest,
// through MadangService alone: swift run madang-example demo.sqlite comments.csv
import Foundation
import MadangCore
import MadangService

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    print("usage: madang-example DATABASE COMMENTS.csv")
    exit(2)
}
let workspace = try await Workspace.create(at: arguments[1], actor: "example")
_ = try await workspace.addHearing(Hearing(slug: "example", title: "An example hearing"))

var request = ImportRequest(hearing: "example", source: .file(path: arguments[2]), kind: .comment)
request.rejectsFile = arguments[1] + ".rejects.csv"
let prepared = try await workspace.prepareImport(request)
print("Columns: " + prepared.plan.mapped.map { "\($0.column.header) → \($0.field)" }.joined(separator: ", "))
let result = try await workspace.runImport(prepared)
print("\(result.imported) of \(result.rowsRead) rows imported, \(result.rejected) rejected")

print(try await workspace.digest("example", DigestRequest(format: .md)))
