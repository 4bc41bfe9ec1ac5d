import Foundation

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

    /// The name the audit log records for changes made from this process: `$USER`, else
    /// `$LOGNAME`, else the account the process runs as (a service started without a login
    /// shell has neither variable), else its user id.
    public static func actor(environment: [String: String], account: String? = systemAccount) -> String {
        for name in [environment["USER"], environment["LOGNAME"], account] {
            if let name, !name.isEmpty { return name }
        }
        return "uid \(getuid())"
    }

    /// The login name of the account this process runs as, from the system's user database.
    public static var systemAccount: String? {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}
