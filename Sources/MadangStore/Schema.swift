import Foundation
import GRDB

/// The database schema, as a list of migrations applied in order.
///
/// A migration, once released, never changes: a later version adds a new one.
/// That is what lets every later Madang open a file this version wrote.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: hearings, panel, items, goals, tags, audit log, search", migrate: v1)
        migrator.registerMigration("v2: import batches and row fingerprints", migrate: v2)
        migrator.registerMigration("v3: index new items per transaction, not per row", migrate: v3)
        migrator.registerMigration("v4: a person's decision that an item is not under a goal", migrate: v4)
        migrator.registerMigration("v5: the learned model of each hearing", migrate: v5)
        migrator.registerMigration("v6: what a model was trained on", migrate: v6)
        migrator.registerMigration("v7: count a goal's items from its index alone", migrate: v7)
        migrator.registerMigration("v8: index statements by speaker, not every item", migrate: v8)
        migrator.registerMigration("v9: row fingerprints as 16 bytes", migrate: v9)
        migrator.registerMigration("v10: the batches that hold rows another batch stored", migrate: v10)
        migrator.registerMigration("v11: the id an imported item had where it came from", migrate: v11)
        migrator.registerMigration("v12: a proposal from one person has no group", migrate: v12)
        migrator.registerMigration("v13: withdrawn items and the tags they held", migrate: v13)
        migrator.registerMigration("v14: responses, response states, a hearing's language and time zone", migrate: v14)
        migrator.registerMigration("v15: campaigns, their members and people's decisions about them", migrate: v15)
        migrator.registerMigration("v16: campaign letters' sketches, to join opinions as they arrive", migrate: v16)
        migrator.registerMigration("v17: each opinion's campaign key, so that two copies make a campaign as they arrive", migrate: v17)
        migrator.registerMigration("v18: organizers' accounts and sessions, comment periods, keyed entries", migrate: v18)
        migrator.registerMigration("v19: the phrases of mad-libs campaigns, to join their variants as they arrive", migrate: v19)
        return migrator
    }

    private static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE hearing (
                id INTEGER PRIMARY KEY,
                slug TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('public-hearing', 'council-meeting', 'briefing', 'seminar', 'participation-round')),
                startsAt TEXT,
                venue TEXT,
                organizers TEXT NOT NULL DEFAULT '[]',
                plan TEXT,
                attendanceInPerson INTEGER CHECK (attendanceInPerson >= 0),
                attendanceOnline INTEGER CHECK (attendanceOnline >= 0),
                createdAt TEXT NOT NULL
            );
            CREATE TABLE participant (
                id INTEGER PRIMARY KEY,
                hearingId INTEGER NOT NULL REFERENCES hearing(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                affiliation TEXT,
                role TEXT NOT NULL CHECK (role IN ('chair', 'panelist', 'presenter', 'official')),
                position INTEGER NOT NULL CHECK (position >= 1),
                UNIQUE (hearingId, position)
            );
            CREATE TABLE citizenGroup (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                createdAt TEXT NOT NULL
            );
            CREATE TABLE item (
                id INTEGER PRIMARY KEY,
                hearingId INTEGER NOT NULL REFERENCES hearing(id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('statement', 'comment', 'proposal')),
                title TEXT,
                body TEXT NOT NULL CHECK (body <> ''),
                speakerId INTEGER REFERENCES participant(id) ON DELETE RESTRICT,
                speakingOrder INTEGER,
                author TEXT,
                authorEmail TEXT,
                authorPhone TEXT,
                groupId INTEGER REFERENCES citizenGroup(id) ON DELETE RESTRICT,
                supporters INTEGER CHECK (supporters >= 0),
                channel TEXT CHECK (channel IN ('in-room', 'online', 'mail')),
                source TEXT NOT NULL CHECK (source IN ('typed', 'imported', 'web')),
                sourceFile TEXT,
                sourceLine INTEGER,
                receivedAt TEXT NOT NULL,
                createdAt TEXT NOT NULL,
                CHECK ((kind = 'statement') = (speakerId IS NOT NULL AND speakingOrder IS NOT NULL)),
                CHECK (kind <> 'proposal' OR (title IS NOT NULL AND groupId IS NOT NULL)),
                UNIQUE (hearingId, speakingOrder)
            );
            CREATE INDEX item_by_hearing ON item(hearingId, kind);
            CREATE INDEX item_by_speaker ON item(speakerId);
            CREATE TABLE policyGoal (
                id INTEGER PRIMARY KEY,
                hearingId INTEGER NOT NULL REFERENCES hearing(id) ON DELETE CASCADE,
                parentId INTEGER REFERENCES policyGoal(id) ON DELETE CASCADE,
                code TEXT NOT NULL,
                name TEXT NOT NULL,
                description TEXT,
                terms TEXT NOT NULL DEFAULT '[]',
                position INTEGER NOT NULL,
                UNIQUE (hearingId, code)
            );
            CREATE TABLE tag (
                itemId INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                goalId INTEGER NOT NULL REFERENCES policyGoal(id) ON DELETE CASCADE,
                source TEXT NOT NULL CHECK (source IN ('rule', 'model', 'person')),
                score REAL,
                evidence TEXT NOT NULL DEFAULT '[]',
                taggedBy TEXT,
                taggedAt TEXT NOT NULL,
                PRIMARY KEY (itemId, goalId)
            );
            CREATE INDEX tag_by_goal ON tag(goalId);
            CREATE TABLE auditLog (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                entityId INTEGER,
                details TEXT
            );
            CREATE VIRTUAL TABLE itemSearch USING fts5(
                title, body, content='item', content_rowid='id', tokenize='\(SearchIndexTokenizer.name)'
            );
            CREATE TRIGGER item_search_insert AFTER INSERT ON item BEGIN
                INSERT INTO itemSearch(rowid, title, body) VALUES (new.id, new.title, new.body);
            END;
            CREATE TRIGGER item_search_delete AFTER DELETE ON item BEGIN
                INSERT INTO itemSearch(itemSearch, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
            END;
            CREATE TRIGGER item_search_update AFTER UPDATE OF title, body ON item BEGIN
                INSERT INTO itemSearch(itemSearch, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
                INSERT INTO itemSearch(rowid, title, body) VALUES (new.id, new.title, new.body);
            END;
            """)
    }

    private static func v2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE importBatch (
                id INTEGER PRIMARY KEY,
                hearingId INTEGER NOT NULL REFERENCES hearing(id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('statement', 'comment', 'proposal')),
                fileName TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                encoding TEXT NOT NULL,
                delimiter TEXT NOT NULL,
                rowsRead INTEGER NOT NULL DEFAULT 0,
                imported INTEGER NOT NULL DEFAULT 0,
                duplicates INTEGER NOT NULL DEFAULT 0,
                rejected INTEGER NOT NULL DEFAULT 0,
                importedAt TEXT NOT NULL,
                actor TEXT NOT NULL,
                undoneAt TEXT
            );
            CREATE UNIQUE INDEX importBatch_by_file ON importBatch(hearingId, sha256) WHERE undoneAt IS NULL;
            ALTER TABLE item ADD COLUMN batchId INTEGER REFERENCES importBatch(id);
            ALTER TABLE item ADD COLUMN fingerprint TEXT;
            CREATE UNIQUE INDEX item_by_fingerprint ON item(hearingId, fingerprint) WHERE fingerprint IS NOT NULL;
            CREATE INDEX item_by_batch ON item(batchId) WHERE batchId IS NOT NULL;
            """)
    }

    /// Filling FTS5 row by row from a trigger, interleaved with the item inserts,
    /// took twice as long as one `INSERT … SELECT` at the end of the transaction,
    /// so ``ItemInserter/finish()`` indexes what it added instead.
    private static func v3(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER item_search_insert")
    }

    /// `untag` is a person's decision too: it must outlive re-categorizing, so it is
    /// kept as a person's tag marked rejected.
    private static func v4(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE tag ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0 CHECK (rejected IN (0, 1) AND (rejected = 0 OR source = 'person'));
            """)
    }

    private static func v5(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE model (
                hearingId INTEGER PRIMARY KEY REFERENCES hearing(id) ON DELETE CASCADE,
                version INTEGER NOT NULL,
                trainingSize INTEGER NOT NULL,
                trainedAt TEXT NOT NULL,
                data BLOB NOT NULL
            );
            """)
    }

    /// A digest of the training set, so a model is trained again only when it changes.
    private static func v6(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE model ADD COLUMN trainingDigest TEXT")
    }

    /// A digest counts and samples each goal's items: with `rejected` and `itemId` in
    /// the goal index, SQLite answers from the index without reading a tag row
    /// (0.26 s instead of 0.84 s for 1.4 million tags).
    private static func v7(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX tag_by_goal;
            CREATE INDEX tag_by_goal ON tag(goalId, rejected, itemId);
            """)
    }

    /// Only statements have a speaker: imported comments no longer add an empty
    /// entry each to this index (a lookup `speakerId = ?` still uses it).
    private static func v8(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX item_by_speaker;
            CREATE INDEX item_by_speaker ON item(speakerId) WHERE speakerId IS NOT NULL;
            """)
    }

    /// Fingerprints were 64 hexadecimal characters of SHA-256; they are now its
    /// first 16 bytes, a third of the size in every imported row and in the unique
    /// index an import fills in hash order. Older rows are converted, so a later
    /// export of the same form still finds them.
    private static func v9(_ db: Database) throws {
        let update = try db.makeStatement(sql: "UPDATE item SET fingerprint = ? WHERE id = ?")
        var last: Int64 = 0
        while true {
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, fingerprint FROM item WHERE id > ? AND typeof(fingerprint) = 'text' ORDER BY id LIMIT 10000
                """, arguments: [last])
            guard let final = rows.last else { return }
            for row in rows {
                let text: String = row[1]
                try update.execute(arguments: [Data(Schema.fingerprintBytes(text)), row[0] as Int64])
            }
            last = final[0]
        }
    }

    /// A later import that finds a row already stored by an earlier one holds it too, so
    /// undoing the earlier import keeps the row for the later one.
    private static func v10(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE itemBatch (
                batchId INTEGER NOT NULL REFERENCES importBatch(id) ON DELETE CASCADE,
                itemId INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                PRIMARY KEY (batchId, itemId)
            ) WITHOUT ROWID;
            CREATE INDEX itemBatch_by_item ON itemBatch(itemId);
            """)
    }

    private static func v11(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE item ADD COLUMN externalId TEXT")
    }

    /// A proposal needs a title but no group: one person's proposal is theirs. SQLite
    /// cannot drop a CHECK constraint, so the table is made anew (its rows, indexes and
    /// triggers kept; GRDB runs migrations with foreign keys off and checks them after).
    private static func v12(_ db: Database) throws {
        let old = "CHECK (kind <> 'proposal' OR (title IS NOT NULL AND groupId IS NOT NULL))"
        guard let table = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'item'"),
              table.contains(old)
        else { return }
        let dependents = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE tbl_name = 'item' AND type IN ('index', 'trigger') AND sql IS NOT NULL
            """)
        let new = table.replacingOccurrences(of: old, with: "CHECK (kind <> 'proposal' OR title IS NOT NULL)")
            .replacingOccurrences(of: "CREATE TABLE item (", with: "CREATE TABLE item_v12 (")
        try db.execute(sql: new)
        try db.execute(sql: "INSERT INTO item_v12 SELECT * FROM item")
        try db.execute(sql: "DROP TABLE item")
        try db.execute(sql: "ALTER TABLE item_v12 RENAME TO item")
        for statement in dependents { try db.execute(sql: statement) }
    }

    /// A withdrawn item stays, marked; its tags wait in a table of their own, so that every
    /// count and sample read from the goal index leaves it out with no extra condition.
    /// The kind index holds the mark, so counting a hearing's items in force reads it alone.
    /// Each audit entry names its hearing, so a hearing's log keeps the records it no longer holds.
    private static func v13(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE item ADD COLUMN withdrawnAt TEXT;
            ALTER TABLE item ADD COLUMN withdrawnReason TEXT;
            ALTER TABLE auditLog ADD COLUMN hearingId INTEGER;
            CREATE INDEX auditLog_by_hearing ON auditLog(hearingId) WHERE hearingId IS NOT NULL;
            DROP INDEX item_by_hearing;
            CREATE INDEX item_by_hearing ON item(hearingId, kind, withdrawnAt);
            CREATE TABLE withdrawnTag (
                itemId INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                goalId INTEGER NOT NULL REFERENCES policyGoal(id) ON DELETE CASCADE,
                source TEXT NOT NULL,
                score REAL,
                evidence TEXT NOT NULL,
                taggedBy TEXT,
                taggedAt TEXT NOT NULL,
                rejected INTEGER NOT NULL,
                PRIMARY KEY (itemId, goalId)
            ) WITHOUT ROWID;
            """)
    }

    /// The agency's response to each opinion (one a item), the states a hearing defines
    /// instead of the defaults, and the language and time zone of a hearing's documents.
    private static func v14(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE hearing ADD COLUMN language TEXT CHECK (language IN ('ko', 'en'));
            ALTER TABLE hearing ADD COLUMN timeZone TEXT;
            CREATE TABLE responseState (
                hearingId INTEGER NOT NULL REFERENCES hearing(id) ON DELETE CASCADE,
                code TEXT NOT NULL,
                korean TEXT NOT NULL,
                english TEXT NOT NULL,
                needsReason INTEGER NOT NULL DEFAULT 0,
                position INTEGER NOT NULL,
                PRIMARY KEY (hearingId, code)
            ) WITHOUT ROWID;
            CREATE TABLE response (
                itemId INTEGER PRIMARY KEY REFERENCES item(id) ON DELETE CASCADE,
                state TEXT NOT NULL,
                text TEXT,
                reason TEXT,
                action TEXT,
                department TEXT,
                respondedBy TEXT NOT NULL,
                respondedAt TEXT NOT NULL,
                publishedAt TEXT
            );
            """)
    }

    /// Campaigns keep their ids across regroupings (AUTOINCREMENT: an id is never reused);
    /// a person's decisions are kept apart from the groups, so every regrouping applies them.
    private static func v15(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE campaign (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                hearingId INTEGER NOT NULL REFERENCES hearing(id) ON DELETE CASCADE,
                representativeId INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                groupedAt TEXT NOT NULL
            );
            CREATE INDEX campaign_by_hearing ON campaign(hearingId);
            CREATE TABLE campaignMember (
                itemId INTEGER PRIMARY KEY REFERENCES item(id) ON DELETE CASCADE,
                campaignId INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
                addition TEXT
            );
            CREATE INDEX campaignMember_by_campaign ON campaignMember(campaignId);
            CREATE TABLE campaignDecision (
                id INTEGER PRIMARY KEY,
                hearingId INTEGER NOT NULL REFERENCES hearing(id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('together', 'apart', 'detach')),
                itemId INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                otherId INTEGER REFERENCES item(id) ON DELETE CASCADE,
                decidedBy TEXT NOT NULL,
                decidedAt TEXT NOT NULL
            );
            """)
    }

    private static func v16(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE campaignLetter (
                campaignId INTEGER PRIMARY KEY REFERENCES campaign(id) ON DELETE CASCADE,
                grams INTEGER NOT NULL,
                signature BLOB NOT NULL
            );
            CREATE TABLE campaignBand (
                key INTEGER NOT NULL,
                campaignId INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE
            );
            CREATE INDEX campaignBand_by_key ON campaignBand(key);
            CREATE INDEX campaignBand_by_campaign ON campaignBand(campaignId);
            CREATE TABLE campaignLetterPending (hearingId INTEGER PRIMARY KEY REFERENCES hearing(id) ON DELETE CASCADE);
            INSERT INTO campaignLetterPending SELECT DISTINCT hearingId FROM campaign;
            """)
    }

    /// A table of its own, not a column of `item`: keeping a million keys rewrites a few
    /// megabytes, not every page of the items. A row whose item was removed or edited since
    /// is stale; readers check the item, and the next grouping writes the hearing's keys anew.
    private static func v17(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE campaignKey (
                hearingId INTEGER NOT NULL REFERENCES hearing(id) ON DELETE CASCADE,
                key INTEGER NOT NULL,
                itemId INTEGER NOT NULL,
                PRIMARY KEY (hearingId, key, itemId)
            ) WITHOUT ROWID;
            """)
    }

    /// The first 16 bytes of a hexadecimal SHA-256; other text as its UTF-8 bytes.
    static func fingerprintBytes(_ text: String) -> [UInt8] {
        let digits = Array(text.utf8)
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: c - 0x30
            case 0x61...0x66: c - 0x61 + 10
            default: nil
            }
        }
        guard digits.count == 64, digits.allSatisfy({ value($0) != nil }) else { return digits }
        return (0..<16).map { value(digits[2 * $0])! << 4 | value(digits[2 * $0 + 1])! }
    }

    private static func v18(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE hearing ADD COLUMN commentsOpen TEXT;
            ALTER TABLE hearing ADD COLUMN commentsClose TEXT;
            CREATE TABLE account (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                passwordHash TEXT NOT NULL,
                createdAt TEXT NOT NULL
            );
            CREATE TABLE session (
                token TEXT PRIMARY KEY,
                accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                csrf TEXT NOT NULL,
                expiresAt TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX session_account ON session(accountId);
            CREATE TABLE entryKey (
                key TEXT PRIMARY KEY,
                itemId INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE
            ) WITHOUT ROWID;
            CREATE INDEX entryKey_item ON entryKey(itemId);
            """)
    }

    /// A campaign grouped before has no phrases; the hearing's next grouping keeps them.
    private static func v19(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE campaignPhrases (
                campaignId INTEGER PRIMARY KEY REFERENCES campaign(id) ON DELETE CASCADE,
                members INTEGER NOT NULL,
                grams BLOB NOT NULL,
                holders BLOB NOT NULL,
                core BLOB NOT NULL
            );
            """)
    }
}
