// Scores Madang's masking of personal data on a labelled set: recall by kind and in all,
// false positives on look-alikes, and every miss. `scripts/masking-score [FILE]` runs it.
import Foundation
import MadangDigest

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 1, let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: masking-score FILE.tsv\n".utf8))
    exit(2)
}
do {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let score = MaskingScore(try MaskingScore.cases(in: text))
    print(score.report)
    exit(score.recall >= 0.95 && score.falsePositives.isEmpty ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("\(path): \(error)\n".utf8))
    exit(2)
}
