import Foundation
import GRDB
import MadangCore

// How stored rows become domain values. Kept in one place so every query reads them alike.

extension Hearing {
    init(row: Row) throws {
        let organizersJSON: String = row["organizers"]
        let kindText: String = row["kind"]
        let startsAtText: String? = row["startsAt"]
        let openText: String? = row["commentsOpen"], closeText: String? = row["commentsClose"]
        self.init(
            id: row["id"], slug: row["slug"], title: row["title"],
            kind: HearingKind(rawValue: kindText) ?? .publicHearing,
            startsAt: try startsAtText.map { try LocalDateTime(parsing: $0) },
            venue: row["venue"],
            organizers: try JSONDecoder().decode([String].self, from: Data(organizersJSON.utf8)),
            plan: row["plan"],
            attendanceInPerson: row["attendanceInPerson"], attendanceOnline: row["attendanceOnline"],
            language: (row["language"] as String?).flatMap(DocumentLanguage.init(rawValue:)), timeZone: row["timeZone"],
            commentsOpen: try openText.map { try LocalDateTime(parsing: $0) },
            commentsClose: try closeText.map { try LocalDateTime(parsing: $0) })
    }
}

extension Participant {
    init(row: Row) {
        let roleText: String = row["role"]
        self.init(
            id: row["id"], hearingID: row["hearingId"], name: row["name"], affiliation: row["affiliation"],
            role: ParticipantRole(rawValue: roleText) ?? .panelist, position: row["position"])
    }
}

extension Item {
    /// The columns ``init(row:)`` reads: the item with its speaker's and group's names.
    static let selection = """
        SELECT item.*, participant.name AS speakerName, citizenGroup.name AS groupName
        FROM item
        LEFT JOIN participant ON participant.id = item.speakerId
        LEFT JOIN citizenGroup ON citizenGroup.id = item.groupId
        """

    init(row: Row) {
        let kindText: String = row["kind"]
        let channelText: String? = row["channel"]
        let receivedText: String = row["receivedAt"]
        let withdrawnText: String? = row["withdrawnAt"]
        self.init(
            id: row["id"], hearingID: row["hearingId"], kind: ItemKind(rawValue: kindText) ?? .comment,
            title: row["title"], body: row["body"],
            speakerID: row["speakerId"], speaker: row["speakerName"], speakingOrder: row["speakingOrder"],
            author: row["author"], contact: Contact(email: row["authorEmail"], phone: row["authorPhone"]),
            group: row["groupName"], supporters: row["supporters"],
            channel: channelText.flatMap(Channel.init(rawValue:)),
            provenance: Provenance(source: row["source"], file: row["sourceFile"], line: row["sourceLine"]) ?? .typed,
            externalID: row["externalId"], receivedAt: Timestamp.date(receivedText) ?? Date(timeIntervalSince1970: 0),
            withdrawal: withdrawnText.map { Withdrawal(at: Timestamp.date($0) ?? Date(timeIntervalSince1970: 0), reason: row["withdrawnReason"] ?? "") })
    }
}
