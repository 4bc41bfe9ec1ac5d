/// How a member of the public made a comment.
public enum Channel: String, CaseIterable, Codable, Sendable {
    /// Spoken or handed in at the venue.
    case inRoom = "in-room"
    /// Sent during an online broadcast or through a web page.
    case online
    /// Sent by post or e-mail.
    case mail
}
