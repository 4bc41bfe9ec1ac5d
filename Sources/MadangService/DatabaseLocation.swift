/// Where the database is: `--db PATH`, else the `MADANG_DB` environment variable,
/// else `madang.sqlite` in the current folder.
public enum DatabaseLocation {
    public static let defaultPath = "madang.sqlite"

    /// The path to use, given the `--db` option and the environment.
    public static func resolve(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let variable = environment["MADANG_DB"], !variable.isEmpty { return variable }
        return defaultPath
    }

    /// The name the audit log records for changes made from this process: `$USER`, or "unknown".
    public static func actor(environment: [String: String]) -> String {
        environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LOGNAME"] ?? "unknown"
    }
}
