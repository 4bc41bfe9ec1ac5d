import MadangCore
import MadangStore

extension Workspace {
    /// Every hearing, the most recent first, each with how many items it holds.
    public func hearings() async throws -> [HearingSummary] {
        try await run { store in
            try store.hearings().map { hearing in
                HearingSummary(hearing: hearing, items: try store.itemCounts(hearingID: hearing.id ?? 0).values.reduce(0, +))
            }
        }
    }

    /// The hearing called `slug`, with its panel and its items counted by kind.
    ///
    /// - Throws: ``StoreError/unknownHearing(slug:existing:)``.
    public func hearing(_ slug: String) async throws -> HearingDetails {
        try await run { store in
            let hearing = try store.hearing(slug: slug)
            return HearingDetails(
                hearing: hearing, panel: try store.panel(hearingID: hearing.id ?? 0),
                counts: try store.itemCounts(hearingID: hearing.id ?? 0))
        }
    }

    /// Adds a hearing; its slug must be new.
    public func addHearing(_ hearing: Hearing) async throws -> Hearing {
        try await run { store in try store.addHearing(hearing) }
    }

    /// Changes the hearing called `slug` with `change` and stores it, audited.
    public func editHearing(_ slug: String, _ change: @escaping @Sendable (inout Hearing) -> Void) async throws -> Hearing {
        try await run { store in try store.updateHearing(slug: slug, change) }
    }

    /// Deletes the hearing with its panel, items, goals and tags; the audit log keeps the deletion.
    ///
    /// - Throws: ``StoreError/unknownHearing(slug:existing:)``.
    public func deleteHearing(_ slug: String) async throws {
        try await run { store in
            _ = try store.hearing(slug: slug)
            try store.deleteHearing(slug: slug)
        }
    }

    /// The hearing's panel, in order.
    public func panel(_ slug: String) async throws -> Panel {
        try await run { store in try store.panel(hearingID: try store.hearing(slug: slug).id ?? 0) }
    }

    /// Adds a person to the hearing's panel, at `position` (from 1) or last.
    public func addParticipant(
        to slug: String, name: String, affiliation: String? = nil, role: ParticipantRole = .panelist, position: Int? = nil
    ) async throws -> Participant {
        try await run { store in
            try store.addParticipant(
                hearingID: try store.hearing(slug: slug).id ?? 0, name: name, affiliation: affiliation, role: role,
                position: position)
        }
    }
}

/// A hearing as a listing shows it.
public struct HearingSummary: Hashable, Codable, Sendable {
    public var hearing: Hearing
    /// How many items it holds, of every kind.
    public var items: Int
}

/// A hearing with its panel and its items counted by kind.
public struct HearingDetails: Hashable, Sendable {
    public var hearing: Hearing
    public var panel: Panel
    public var counts: [ItemKind: Int]
}
