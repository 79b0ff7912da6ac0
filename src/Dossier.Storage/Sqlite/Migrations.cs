namespace Dossier.Storage.Sqlite;

/// <summary>
/// The schema as an ordered list of steps. A database records the number of steps applied in
/// <c>PRAGMA user_version</c>; opening it applies the missing ones, each in its own transaction. Steps are never
/// edited once released: a change is a new step at the end.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "documents, removed text, layers and annotations with provenance",
        """
        CREATE TABLE documents (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            outlet TEXT,
            title TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            published_inferred INTEGER NOT NULL DEFAULT 0,
            language TEXT,
            url TEXT,
            fingerprint TEXT NOT NULL DEFAULT '',
            -- Last: SQLite reads a row's columns in order, so metadata must not sit behind a long text's overflow pages.
            text TEXT NOT NULL
        );
        CREATE TABLE removed_text (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            text TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (document_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE layers (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            layer TEXT NOT NULL,
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL,
            -- Layers with thousands of items and nothing to query per item (tokens) are kept here as one JSON array
            -- of [start, end, data] rows instead of one annotations row each; NULL for every other layer.
            packed TEXT,
            PRIMARY KEY (document_id, layer)
        ) WITHOUT ROWID;
        CREATE TABLE annotations (
            document_id TEXT NOT NULL,
            layer TEXT NOT NULL,
            seq INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (document_id, layer, seq),
            FOREIGN KEY (document_id, layer) REFERENCES layers(document_id, layer) ON DELETE CASCADE
        ) WITHOUT ROWID;
        CREATE INDEX annotations_by_layer ON annotations(layer, document_id);
        """),
        new(2, "full-text index over title and text, kept in sync by triggers",
        """
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='pk',
            tokenize='porter unicode61 remove_diacritics 2');
        CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
        END;
        CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
        END;
        CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
        END;
        INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
        """),
        new(3, "derived results: entities, stories, alignments, discrepancies, positions",
        """
        CREATE TABLE entities (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            country TEXT,
            wikidata TEXT,
            aliases TEXT NOT NULL,
            roles TEXT NOT NULL
        );
        CREATE INDEX entities_by_id ON entities(id);
        CREATE TABLE stories (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            title TEXT NOT NULL,
            date TEXT,
            summary TEXT NOT NULL,
            storyline TEXT
        );
        CREATE INDEX stories_by_id ON stories(id);
        CREATE TABLE story_documents (
            story_seq INTEGER NOT NULL REFERENCES stories(seq) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            document_id TEXT NOT NULL,
            PRIMARY KEY (story_seq, seq)
        ) WITHOUT ROWID;
        CREATE INDEX story_documents_by_document ON story_documents(document_id);
        CREATE TABLE alignments (
            seq INTEGER PRIMARY KEY,
            story TEXT NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT,
            channel TEXT,
            first_outlet TEXT
        );
        CREATE INDEX alignments_by_story ON alignments(story);
        CREATE TABLE alignment_members (
            alignment_seq INTEGER NOT NULL REFERENCES alignments(seq) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            document_id TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (alignment_seq, seq)
        ) WITHOUT ROWID;
        CREATE TABLE discrepancies (
            seq INTEGER PRIMARY KEY,
            story TEXT NOT NULL,
            document_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            explanation TEXT NOT NULL
        );
        CREATE INDEX discrepancies_by_story ON discrepancies(story);
        CREATE TABLE positions (
            seq INTEGER PRIMARY KEY,
            issue TEXT NOT NULL,
            actor TEXT NOT NULL,
            stance TEXT NOT NULL,
            date TEXT,
            condition TEXT
        );
        CREATE INDEX positions_by_actor ON positions(actor);
        CREATE TABLE position_evidence (
            position_seq INTEGER NOT NULL REFERENCES positions(seq) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            document_id TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            outlet TEXT,
            text TEXT,
            PRIMARY KEY (position_seq, seq)
        ) WITHOUT ROWID;
        """),
        new(4, "indexes for look-ups by entity: mentions, quotes by speaker, events by actor",
        """
        CREATE INDEX annotations_entity ON annotations(data ->> 'entity_id') WHERE layer = 'entities';
        CREATE INDEX annotations_speaker ON annotations(data -> 'speaker' ->> 'entity_id') WHERE layer = 'quotes';
        CREATE INDEX annotations_event_source ON annotations(data -> 'source' ->> 'entity_id') WHERE layer = 'events';
        CREATE INDEX annotations_event_target ON annotations(data -> 'target' ->> 'entity_id') WHERE layer = 'events';
        CREATE INDEX documents_by_date ON documents(published, pk);
        CREATE INDEX documents_by_outlet ON documents(outlet, published);
        """),
        new(5, "quotes and events by actor, newest first, kept in sync by triggers",
        """
        -- "The latest quotes by X" must not sort every quote X ever gave: one row per (actor, quote or event) carries
        -- the document's date, so the primary key hands them out newest first and a page reads only what it shows.
        -- An event names its actor as source or target; both get a row.
        CREATE TABLE actor_annotations (
            entity_id TEXT NOT NULL,
            layer TEXT NOT NULL,
            published TEXT,
            document_pk INTEGER NOT NULL,
            document_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (entity_id, layer, published DESC, document_pk DESC, seq)
        ) WITHOUT ROWID;
        CREATE INDEX actor_annotations_by_annotation ON actor_annotations(document_id, layer, seq);
        -- Found quotes and events by actor but not in date order; the table above replaces them.
        DROP INDEX annotations_speaker;
        DROP INDEX annotations_event_source;
        DROP INDEX annotations_event_target;
        -- The writer stores a document's row before its annotations, so the date is there to copy.
        CREATE TRIGGER actor_annotations_insert AFTER INSERT ON annotations WHEN new.layer IN ('quotes', 'events') BEGIN
            INSERT OR IGNORE INTO actor_annotations (entity_id, layer, published, document_pk, document_id, seq)
            SELECT actor.id, new.layer, d.published, d.pk, d.id, new.seq
            FROM documents d JOIN (
                SELECT new.data -> 'speaker' ->> 'entity_id' AS id WHERE new.layer = 'quotes'
                UNION ALL SELECT new.data -> 'source' ->> 'entity_id' WHERE new.layer = 'events'
                UNION ALL SELECT new.data -> 'target' ->> 'entity_id' WHERE new.layer = 'events') actor
            WHERE d.id = new.document_id AND actor.id IS NOT NULL;
        END;
        CREATE TRIGGER actor_annotations_delete AFTER DELETE ON annotations WHEN old.layer IN ('quotes', 'events') BEGIN
            DELETE FROM actor_annotations WHERE document_id = old.document_id AND layer = old.layer AND seq = old.seq;
        END;
        CREATE TRIGGER actor_annotations_redate AFTER UPDATE OF published ON documents BEGIN
            UPDATE actor_annotations SET published = new.published WHERE document_id = new.id;
        END;
        INSERT OR IGNORE INTO actor_annotations (entity_id, layer, published, document_pk, document_id, seq)
        SELECT actor.id, actor.layer, d.published, d.pk, d.id, actor.seq
        FROM documents d JOIN (
            SELECT document_id, layer, seq, data -> 'speaker' ->> 'entity_id' AS id FROM annotations WHERE layer = 'quotes'
            UNION ALL SELECT document_id, layer, seq, data -> 'source' ->> 'entity_id' FROM annotations WHERE layer = 'events'
            UNION ALL SELECT document_id, layer, seq, data -> 'target' ->> 'entity_id' FROM annotations WHERE layer = 'events') actor
            ON d.id = actor.document_id
        WHERE actor.id IS NOT NULL;
        """),
        new(6, "near-duplicate groups, storylines, and the outlet × claim coverage view",
        """
        CREATE TABLE duplicates (
            seq INTEGER PRIMARY KEY,
            representative TEXT NOT NULL,
            documents TEXT NOT NULL
        );
        CREATE TABLE duplicate_links (
            duplicate_seq INTEGER NOT NULL REFERENCES duplicates(seq) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            document_id TEXT NOT NULL,
            estimated_jaccard REAL NOT NULL,
            exact_jaccard REAL NOT NULL,
            passages TEXT NOT NULL,
            PRIMARY KEY (duplicate_seq, seq)
        ) WITHOUT ROWID;
        CREATE INDEX duplicate_links_by_document ON duplicate_links(document_id);
        CREATE TABLE storylines (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            title TEXT NOT NULL,
            stories TEXT NOT NULL
        );
        CREATE TABLE storyline_links (
            storyline_seq INTEGER NOT NULL REFERENCES storylines(seq) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            from_story TEXT NOT NULL,
            to_story TEXT NOT NULL,
            shared_actors TEXT NOT NULL,
            shared_terms TEXT NOT NULL,
            score REAL NOT NULL,
            PRIMARY KEY (storyline_seq, seq)
        ) WITHOUT ROWID;
        -- Which outlet carries which aligned claim or quote, and which outlets leave one out (an omission names the
        -- alignment's text): the coverage table of the reports, queryable.
        CREATE VIEW coverage AS
            SELECT a.story AS story, a.seq AS alignment_seq, a.kind AS kind, a.text AS text,
                   COALESCE(d.outlet, d.source) AS outlet, m.document_id AS document_id, 'reports' AS state
            FROM alignments a JOIN alignment_members m ON m.alignment_seq = a.seq
            LEFT JOIN documents d ON d.id = m.document_id
            UNION ALL
            SELECT a.story, a.seq, a.kind, a.text, COALESCE(d.outlet, d.source), x.document_id, 'omits'
            FROM alignments a JOIN discrepancies x ON x.story = a.story AND x.kind = 'omission' AND x.text = a.text
            LEFT JOIN documents d ON d.id = x.document_id;
        """),
    ];

    public static int Latest => All[^1].Version;
}

internal sealed record Migration(int Version, string Description, string Sql);
