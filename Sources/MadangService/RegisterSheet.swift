import MadangCore
import MadangDigest

/// The layout of the response register as a spreadsheet: its title row, its headings in
/// either language, and how its columns are found again in an edited copy.
struct RegisterSheet {
    let language: DocumentLanguage

    static let titles = ["마당 답변 등록부", "Madang response register"]
    static let headings: [DocumentLanguage: [String]] = [
        .ko: ["번호", "구분", "제출자", "정책목표", "의견", "처리 결과", "답변", "사유", "조치 계획", "담당 부서"],
        .en: ["number", "kind", "from", "goals", "opinion", "decision", "response", "reason", "action", "department"],
    ]

    var sheetName: String { language == .ko ? "답변 등록부" : "Responses" }
    var headings: [String] { RegisterSheet.headings[language] ?? [] }

    func titleRow(slug: String) -> [String] {
        [RegisterSheet.titles[language == .ko ? 0 : 1], slug]
    }

    static func isTitle(_ text: String) -> Bool {
        titles.contains(text.trimmingWhitespace())
    }

    /// Text compared as a spreadsheet may give it back: line breaks as LF, outer space trimmed.
    static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").trimmingWhitespace()
    }

    /// Where each column is in an edited copy, found by its heading in either language.
    struct Columns {
        var number, opinion, decision: Int
        var response, reason, action, department: Int?

        init?(_ cells: [String]) {
            func find(_ index: Int) -> Int? {
                let names = Set(RegisterSheet.headings.values.map { $0[index].lowercased() })
                return cells.firstIndex { names.contains($0.trimmingWhitespace().lowercased()) }
            }
            guard let number = find(0), let opinion = find(4), let decision = find(5) else { return nil }
            (self.number, self.opinion, self.decision) = (number, opinion, decision)
            (response, reason, action, department) = (find(6), find(7), find(8), find(9))
        }
    }
}
