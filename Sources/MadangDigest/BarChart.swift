import MadangCore

/// A horizontal bar chart, laid out for a template: the HTML digest draws it as
/// inline SVG from these numbers, the text formats print ``table``.
public struct BarChart: Codable, Sendable {
    /// One bar, with its place in the drawing.
    public struct Bar: Codable, Sendable {
        public var label: String
        /// The label cut to fit beside the bars.
        public var shortLabel: String
        public var value: Int
        /// The value with thousands separated: `287,262`.
        public var valueText: String
        /// The value as a share of the chart's total, as `28.7%`.
        public var share: String
        /// The top of the bar and the baseline of its text, in SVG units.
        public var y: Int
        public var textY: Int
        /// The bar's length in SVG units (at least 1 when the value is not 0).
        public var width: Int
        /// Where the number printed after the bar starts.
        public var valueX: Int
    }

    public var title: String
    public var bars: [Bar]
    public var hasBars: Bool
    /// The drawing's size in SVG units.
    public var width: Int
    public var height: Int
    /// Where the bars start; labels end just before.
    public var barX: Int
    public var labelX: Int
    /// The chart as an aligned text table with a bar of `#`s.
    public var table: String

    static let rowHeight = 26
    static let barHeight = 18
    static let longestBar = 300

    /// A chart of `entries` (label and value) in the order given; shares are of `total`.
    /// `columns` name the text table's count and share columns.
    public init(title: String, entries: [(label: String, value: Int)], total: Int, columns: (String, String) = ("Items", "Share")) {
        let labelWidth = 230
        let top = 6
        let largest = max(entries.map(\.value).max() ?? 0, 1)
        self.title = title
        self.barX = labelWidth
        self.labelX = labelWidth - 8
        self.width = labelWidth + BarChart.longestBar + 130
        self.height = top * 2 + max(entries.count, 1) * BarChart.rowHeight
        self.bars = entries.enumerated().map { index, entry in
            let length = entry.value == 0 ? 0 : max(1, entry.value * BarChart.longestBar / largest)
            let y = top + index * BarChart.rowHeight + (BarChart.rowHeight - BarChart.barHeight) / 2
            return Bar(
                label: entry.label, shortLabel: TextTable.truncate(entry.label, to: 30), value: entry.value,
                valueText: BarChart.grouped(entry.value),
                share: BarChart.share(entry.value, of: total), y: y, textY: y + BarChart.barHeight - 4,
                width: length, valueX: labelWidth + length + 6)
        }
        self.hasBars = !entries.isEmpty
        var table = TextTable(header: [title, columns.0, columns.1, ""], maximumCellWidth: 30)
        for entry in entries {
            let hashes = entry.value == 0 ? 0 : max(1, entry.value * 20 / largest)
            table.append([entry.label, BarChart.grouped(entry.value), BarChart.share(entry.value, of: total), String(repeating: "#", count: hashes)])
        }
        self.table = table.rendered(rightAligned: [1, 2])
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// `value` as a percentage of `total` with one decimal: `28.7%`.
    static func share(_ value: Int, of total: Int) -> String {
        guard total > 0 else { return "0%" }
        let tenths = (value * 1000 + total / 2) / total
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
