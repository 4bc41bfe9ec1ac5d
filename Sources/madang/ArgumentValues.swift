import ArgumentParser
import MadangCore

// Domain enums typed on the command line. Their raw values are the words users
// type, and their cases are listed in --help.

extension HearingKind: ExpressibleByArgument {}
extension ItemKind: ExpressibleByArgument {}
extension Channel: ExpressibleByArgument {}
extension DigestFormat: ExpressibleByArgument {}

extension ParticipantRole: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(userText: argument)
    }
}

extension LocalDateTime: ExpressibleByArgument {
    public init?(argument: String) {
        try? self.init(parsing: argument)
    }
}
