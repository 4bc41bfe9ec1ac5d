/// Why the store could not do what was asked. The descriptions state the fault; a front
/// end adds what its user should do about it.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No database file at the path.
    case noDatabase(path: String)
    /// The file exists but is not a Madang database.
    case notMadangDatabase(path: String, reason: String)
    /// A newer version of Madang has changed the file.
    case newerSchema(path: String)
    /// The file can be read but not changed: it, its folder or the disk is read-only.
    case readOnly(path: String)
    /// The file is read-only and was written by an older Madang, so it cannot be brought up to date.
    case readOnlyOutdated(path: String)
    /// The file cannot be opened or created; `reason` says why, as the system put it.
    case cannotOpen(path: String, reason: String)
    /// Another program kept the file locked for longer than a write waits.
    case busy(path: String, seconds: Int)
    /// The disk that holds the file is full; the change was not made.
    case diskFull(path: String)
    /// No hearing has this slug; `existing` lists those that do exist.
    case unknownHearing(slug: String, existing: [String])
    case duplicateHearing(slug: String)
    case unknownParticipant(id: Int64)
    case unknownItem(id: Int64)
    case unknownCampaign(id: Int64)
    /// No organizer's account has this name.
    case unknownAccount(name: String)
    /// The item was withdrawn: it must be restored before it is changed or answered.
    case itemWithdrawn(id: Int64)
    /// Only a withdrawn item can be restored.
    case itemNotWithdrawn(id: Int64)
    /// A field that the item's kind does not have, such as a speaker for a comment.
    case fieldNotOfKind(field: String, kind: ItemKind)
    /// The panel has nobody at this place.
    case noParticipantAt(position: Int, hearing: String)
    /// The participant has statements on the record, so they cannot simply leave the panel.
    case participantHasStatements(name: String, statements: Int)
    /// Statements cannot be moved from a person to that same person.
    case reassignToSelf(position: Int)
    case invalid(ValidationError)
    /// The hearing already holds a batch of this very file.
    case alreadyImported(ImportBatch)
    case unknownBatch(id: Int64)
    case batchAlreadyUndone(ImportBatch)
    /// The hearing has no goal with this code; `existing` lists those it has.
    case unknownGoal(code: String, existing: [String])
    /// A classifier given to ``Store/retag(hearingID:classify:stored:)`` returned a
    /// different number of tag lists than it was given items: a programming error.
    case classifierMiscounted(items: Int, tagLists: Int)

    public var description: String {
        switch self {
        case .noDatabase(let path):
            return "There is no Madang database at \(path)."
        case .notMadangDatabase(let path, let reason):
            return "\(path) is not a Madang database (\(reason))."
        case .newerSchema(let path):
            return "\(path) was written by a newer version of Madang."
        case .readOnly(let path):
            return "\(path) can be read but not changed: the file, its folder or its disk is read-only; nothing was changed."
        case .readOnlyOutdated(let path):
            return "\(path) was written by an older version of Madang and must be brought up to date, "
                + "but the file, its folder or its disk is read-only."
        case .cannotOpen(let path, let reason):
            return "Cannot open \(path): \(reason)."
        case .busy(let path, let seconds):
            return "\(path) stayed locked by another program for \(seconds) seconds; nothing was changed."
        case .diskFull(let path):
            return "The disk that holds \(path) is full; nothing was changed."
        case .unknownHearing(let slug, let existing):
            let list = existing.isEmpty ? "There are no hearings yet." : "Known hearings: \(existing.joined(separator: ", "))."
            return "No hearing is called '\(slug)'. \(list)"
        case .duplicateHearing(let slug):
            return "A hearing called '\(slug)' already exists."
        case .unknownParticipant(let id):
            return "There is no participant with id \(id)."
        case .unknownItem(let id):
            return "There is no item with id \(id)."
        case .unknownAccount(let name):
            return "There is no account called '\(name)'."
        case .unknownCampaign(let id):
            return "There is no campaign \(id)."
        case .itemWithdrawn(let id):
            return "Item \(id) is withdrawn; restore it before changing it."
        case .itemNotWithdrawn(let id):
            return "Item \(id) is not withdrawn, so there is nothing to restore."
        case .fieldNotOfKind(let field, let kind):
            return "A \(kind.rawValue) has no \(field)."
        case .noParticipantAt(let position, let hearing):
            return "Nobody is number \(position) on the panel of \(hearing)."
        case .participantHasStatements(let name, let statements):
            return "\(name) has \(statements == 1 ? "1 statement" : "\(statements) statements") on the record; "
                + "they must go to someone else on the panel first."
        case .reassignToSelf(let position):
            return "Number \(position)'s statements cannot be moved to number \(position)."
        case .invalid(let error):
            return error.description
        case .alreadyImported(let batch):
            return "This file was imported already, as batch \(batch.id) (\(batch.fileName), \(batch.imported) items); nothing was added."
        case .unknownBatch(let id):
            return "There is no import batch \(id)."
        case .batchAlreadyUndone(let batch):
            return "Batch \(batch.id) (\(batch.fileName)) was undone already."
        case .unknownGoal(let code, let existing):
            return existing.isEmpty
                ? "The hearing has no goals yet."
                : "There is no goal '\(code)'. The goals are: \(existing.joined(separator: ", "))."
        case .classifierMiscounted(let items, let tagLists):
            return "The categorizer returned \(tagLists) lists of tags for \(items) items; nothing was changed. This is a bug in Madang."
        }
    }
}
