import ArgumentParser
import MadangCore
import MadangService

/// What to type next, for the errors the libraries report. The libraries say what is
/// wrong; the command line adds the command or flag that puts it right.
enum Advice {
    /// `error` as ArgumentParser should print it: a library's error with its advice,
    /// anything of ArgumentParser's own unchanged.
    static func explain(_ error: any Error) -> any Error {
        guard let advice = advice(for: error) else { return error }
        return CLIError("\(error) \(advice)")
    }

    /// The sentence to print after `error`'s own description, if there is one.
    static func advice(for error: any Error) -> String? {
        switch error {
        case let error as StoreError:
            switch error {
            case .noDatabase:
                "Create one with `madang init`, or point to another with --db PATH or MADANG_DB."
            case .notMadangDatabase:
                "Choose another file with --db PATH."
            case .newerSchema:
                "Update madang to open it."
            case .readOnly:
                "To change it, work on a copy you can write to (cp it, then --db COPY), or ask its owner for write access."
            case .readOnlyOutdated:
                "Copy it somewhere you can write to and open the copy with --db COPY: this version brings it up to date."
            case .cannotOpen:
                "Check the path given with --db or MADANG_DB."
            case .busy:
                "Wait for the other command to finish, then run this one again."
            case .diskFull:
                "Free some space on that disk, then run the command again."
            case .unknownHearing(_, let existing) where existing.isEmpty:
                "Add one with `madang hearing add SLUG --title TITLE`."
            case .duplicateHearing(let slug):
                "Choose another slug, or change this one with `madang hearing edit \(slug) --slug NEW`."
            case .alreadyImported(let batch):
                "To import it again, first run `madang imports undo \(batch.id)`."
            case .unknownBatch:
                "See the batches with `madang imports list`."
            case .unknownGoal(_, let existing) where existing.isEmpty:
                "Load the hearing's taxonomy with `madang goals load HEARING FILE`."
            case .unknownItem:
                "See the items' ids with `madang items HEARING`."
            case .itemWithdrawn(let id):
                "Bring it back first with `madang restore \(id)`."
            case .noParticipantAt(_, let hearing):
                "See the panel's numbers with `madang panel list \(hearing)`."
            case .participantHasStatements:
                "Name who said them instead with --reassign NUMBER."
            case .classifierMiscounted:
                "Please report it."
            default:
                nil
            }
        case let error as ServiceError:
            switch error {
            case .noGoals(let hearing):
                "Load its taxonomy first: madang goals load \(hearing) FILE"
            case .noPanel(let hearing):
                "Register speakers first: madang panel add \(hearing) NAME --role panelist"
            case .transcript:
                "Fix the lines above and run the same command again."
            case .unknownEncoding:
                "Give one of them with --encoding."
            case .rejectsUnwritable:
                "Name a file where they can go with --rejects FILE."
            default:
                nil
            }
        case let error as CSVError:
            switch error {
            case .invalidByte: "Give the file's encoding with --encoding (utf-8, cp949, utf-16, windows-1252)."
            case .recordTooLarge: "If its records really are that large, raise the limit with --max-record-size MB."
            default: nil
            }
        case let error as ImportError:
            switch error {
            case .badMapping:
                "Write it like --map 'Q1: What would you like to tell us?=body'."
            case .noBodyColumn:
                "Say which with --map 'COLUMN=body'."
            case .noColumn(let role, _, _):
                "Name it with --\(role)-column."
            case .ambiguousDateOrder:
                "Say which with --date-order dmy (day first) or --date-order mdy (month first)."
            default:
                nil
            }
        case let error as RegisterError:
            switch error {
            case .notARegister, .missingHeadings: "Export the register with `madang responses export HEARING -o FILE` and edit that file."
            case .rows: "Correct those rows and import the file again (--dry-run checks it first)."
            default: nil
            }
        case let error as TemplateError:
            if case .builtInsMissing = error {
                "Copy the Madang_MadangDigest resource folder beside the madang binary, or set MADANG_TEMPLATES to a templates folder."
            } else {
                nil
            }
        default:
            nil
        }
    }

    /// What to add to a rejected row's reason on the screen.
    static func advice(for problem: RowProblem) -> String? {
        switch problem.kind {
        case .unknownSpeaker: "Add the speaker to the panel with `madang panel add`, or correct the name."
        case .notADate: "Write it as 2024-03-05 14:30."
        case .ambiguousDate: "Say how the column reads with --date-order dmy or --date-order mdy."
        default: nil
        }
    }
}
