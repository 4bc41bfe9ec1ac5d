/// A number with its noun in agreement: "1 item", "2 items", "1 match", "3 matches".
enum Count {
    static func of(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count.formatted()) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
