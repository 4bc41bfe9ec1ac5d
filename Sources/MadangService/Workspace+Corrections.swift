import MadangCore
import MadangStore

extension Workspace {
    // Corrections: every one is audited under this workspace's actor, with what was there before.

    /// The item with this id, withdrawn or not.
    ///
    /// - Throws: ``StoreError/unknownItem(id:)``.
    public func item(_ id: Int64) async throws -> Item {
        try await run { store in try store.item(id: id) }
    }

    /// Corrects item `id`'s text, title, speaker, author, group or supporters. An item whose
    /// text changed is filed again under its hearing's goals; people's decisions on it stand.
    ///
    /// - Throws: ``StoreError/itemWithdrawn(id:)``, ``StoreError/fieldNotOfKind(field:kind:)``,
    ///   ``PanelLookupError`` for a speaker the panel does not have.
    public func editItem(_ id: Int64, _ change: ItemChange) async throws -> Item {
        try await run { store in
            let hearingID = try store.item(id: id).hearingID
            return try store.editItem(id: id, change, filing: try Workspace.filing(store: store, hearingID: hearingID))
        }
    }

    /// Moves statement `id` to place `position` in the speaking order, as when a remark was
    /// typed after the one that followed it; the statements between shift by one. Audited.
    public func moveStatement(_ id: Int64, to position: Int) async throws -> Item {
        try await run { store in try store.moveStatement(id: id, to: position) }
    }

    /// Takes item `id` off the record, for `reason`: it leaves digests, counts, search and
    /// listings until it is restored.
    public func withdrawItem(_ id: Int64, reason: String) async throws -> Item {
        try await run { store in try store.withdrawItem(id: id, reason: reason) }
    }

    /// Puts a withdrawn item back on the record, under the goals it had.
    public func restoreItem(_ id: Int64) async throws -> Item {
        try await run { store in try store.restoreItem(id: id) }
    }

    /// Corrects the person at place `number` on the hearing's panel; `moveTo` gives them
    /// another place. Returns them as stored now, and what the panel should be checked for.
    public func editParticipant(
        in slug: String, number: Int, name: String? = nil, affiliation: String? = nil, role: ParticipantRole? = nil,
        moveTo: Int? = nil
    ) async throws -> (participant: Participant, warnings: [PanelWarning]) {
        try await run { store in
            let hearingID = try store.hearing(slug: slug).id ?? 0
            let participant = try store.editParticipant(
                hearingID: hearingID, position: number, name: name, affiliation: affiliation, role: role, moveTo: moveTo)
            return (participant, try store.panel(hearingID: hearingID).warnings)
        }
    }

    /// Takes the person at place `number` off the hearing's panel. Their statements, if
    /// any, go to the person at place `reassignTo`; without it, someone with statements stays.
    ///
    /// - Throws: ``StoreError/participantHasStatements(name:statements:)``.
    public func removeParticipant(
        from slug: String, number: Int, reassignTo: Int? = nil
    ) async throws -> (participant: Participant, reassigned: Int) {
        try await run { store in
            try store.removeParticipant(hearingID: try store.hearing(slug: slug).id ?? 0, position: number, reassignTo: reassignTo)
        }
    }
}
