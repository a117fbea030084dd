-- newsfacts schema. Applied by the loader (load/store.py) to every database it writes.
-- Every fact row points back to its document and sentence, with character offsets
-- (start, end) into documents.text, the cleaned article text.
-- Dates are full ISO dates (the first day of the period when only a month or year
-- is known) with a *_precision column ('day', 'month', 'year') and the raw expression;
-- the public views at the bottom cut each date to its precision ('2019-02').

PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,                 -- as given to the loader, relative to where it ran
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    title TEXT,
    title_source TEXT,
    outlet TEXT,
    outlet_source TEXT,
    author TEXT,
    author_source TEXT,
    url TEXT,
    url_source TEXT,                           -- link:canonical | meta:og:url | warc (WARC-Target-URI) | record:FIELD | sidecar
    file TEXT,                                 -- the file read: path without its "#LOCATOR" (FILE#LINE, FILE#N, FILE#@OFFSET)
    format TEXT CHECK (format IS NULL OR format IN ('txt', 'html', 'jsonl', 'json', 'warc')),  -- the reader that read it
    language TEXT,                             -- as the page or record states it ("en", "en-US")
    language_source TEXT,                      -- html-lang | meta:content-language | meta:og:locale | record:language
    fetched_at TEXT,                           -- when a crawler fetched it (WARC-Date, date_download): never the publication date
    dateline TEXT,                             -- the city of "ISLAMABAD:" at the start of the body
    dateline_source TEXT,
    published TEXT CHECK (published IS NULL OR date(published) = published),
    published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')),
    published_raw TEXT,
    published_source TEXT,                     -- byline | published-line | date-under-title | sidecar (text); url | meta:NAME | json-ld | time | htmldate (HTML); record:FIELD (JSON)
    text TEXT NOT NULL,
    characters INTEGER NOT NULL CHECK (characters >= 0),
    loaded_at TEXT NOT NULL,
    label TEXT GENERATED ALWAYS AS (coalesce(title, path)) VIRTUAL  -- what links to the document show
);
CREATE INDEX IF NOT EXISTS documents_outlet ON documents(outlet);
CREATE INDEX IF NOT EXISTS documents_file ON documents(file);  -- the documents read from one file (its records)
-- Every facet, sort and foreign key (child side) that metadata.yml configures has an index:
-- a facet's GROUP BY scans the small index instead of the table, and a click on a facet
-- value (WHERE col = ?) is a search (tests/test_query_plans.py checks every one).
CREATE INDEX IF NOT EXISTS documents_published_source ON documents(published_source);
-- sort_desc: Datasette orders by published DESC, id (and pages with WHERE published < ? OR ...):
-- an index in exactly that order reads each page in order, with no sort of the rest of the table.
CREATE INDEX IF NOT EXISTS documents_published_sort ON documents(published DESC, id);  -- also the published facet and filters

-- Files a load skipped for their content (empty, binary, no sentences): an unchanged file
-- is recognized by its hash and not read again, so the next load need not rewrite the database.
CREATE TABLE IF NOT EXISTS skipped_files (
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    reason TEXT NOT NULL,
    skipped_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS skipped_files_sort ON skipped_files(skipped_at DESC, path);  -- sort_desc

CREATE TABLE IF NOT EXISTS sentences (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" >= start),
    text TEXT NOT NULL,
    UNIQUE (document_id, position)
);

-- Full-text search (FTS5), kept in step by triggers. content=[table] in brackets, the form
-- Datasette (and datasette-search-all) detect as the table's full-text index.
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(text, content=[sentences], content_rowid=[id]);
CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER IF NOT EXISTS sentences_au AFTER UPDATE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, content=[documents], content_rowid=[id]);
CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title) VALUES ('delete', old.id, old.title);
END;
CREATE TRIGGER IF NOT EXISTS documents_au AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title) VALUES ('delete', old.id, old.title);
    INSERT INTO documents_fts(rowid, title) VALUES (new.id, new.title);
END;

-- People ------------------------------------------------------------------------------

-- One row per real person, across articles. Rebuilt by the resolution step after
-- every load; a person's id is the smallest article_people.id of their cluster, so
-- it stays put while the article that introduced them is not reloaded.
CREATE TABLE IF NOT EXISTS people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,                        -- canonical: the fullest spelling seen
    country TEXT,
    rank TEXT,
    titles TEXT,                               -- JSON list of posts held (not descriptions)
    documents INTEGER NOT NULL DEFAULT 0,
    mentions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS people_name ON people(name);
CREATE INDEX IF NOT EXISTS people_country ON people(country);
CREATE INDEX IF NOT EXISTS people_rank ON people(rank);
CREATE INDEX IF NOT EXISTS people_documents_sort ON people(documents DESC, id);  -- sort_desc

CREATE TABLE IF NOT EXISTS person_aliases (
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    PRIMARY KEY (person_id, alias)
);
CREATE INDEX IF NOT EXISTS person_aliases_alias ON person_aliases(alias);

-- Full-text search over people: the canonical name and every alias, so a surname or another
-- spelling finds the person (metadata.yml: people fts_table). rowid = people.id; its own content
-- (the aliases are rows of another table), rebuilt with the people by the resolution step
-- (load/resolve.py index_people).
CREATE VIRTUAL TABLE IF NOT EXISTS people_fts USING fts5(name, aliases);

-- A person as one article knows them.
CREATE TABLE IF NOT EXISTS article_people (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_key INTEGER NOT NULL,
    name TEXT NOT NULL,
    rank TEXT,
    honorific TEXT,
    country TEXT,
    person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    UNIQUE (document_id, local_key)
);
CREATE INDEX IF NOT EXISTS article_people_person ON article_people(person_id);
CREATE INDEX IF NOT EXISTS article_people_country ON article_people(country);
CREATE INDEX IF NOT EXISTS article_people_rank ON article_people(rank);

CREATE TABLE IF NOT EXISTS person_mentions (
    id INTEGER PRIMARY KEY,
    article_person_id INTEGER NOT NULL REFERENCES article_people(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL CHECK ("end" > start),
    text TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('name', 'role'))
);
CREATE INDEX IF NOT EXISTS person_mentions_person ON person_mentions(article_person_id);
CREATE INDEX IF NOT EXISTS person_mentions_document ON person_mentions(document_id);
CREATE INDEX IF NOT EXISTS person_mentions_sentence ON person_mentions(sentence_id);
CREATE INDEX IF NOT EXISTS person_mentions_kind ON person_mentions(kind);

-- A post held, the way Wikidata models "position held": the post apart from the
-- country it belongs to and the organisation, true as of the article's date.
CREATE TABLE IF NOT EXISTS titles (
    id INTEGER PRIMARY KEY,
    article_person_id INTEGER NOT NULL REFERENCES article_people(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    post TEXT NOT NULL,
    country TEXT,
    organisation TEXT,
    rank TEXT,
    status TEXT CHECK (status IS NULL OR status IN ('former', 'acting', 'designate', 'then', 'outgoing', 'interim', 'late')),
    is_description INTEGER NOT NULL DEFAULT 0 CHECK (is_description IN (0, 1)),
    as_of TEXT CHECK (as_of IS NULL OR date(as_of) = as_of),
    as_of_precision TEXT CHECK (as_of_precision IN ('day', 'month', 'year')),
    as_of_source TEXT CHECK (as_of_source IN ('sentence', 'published')),  -- the sentence's own date, else publication
    normalized_post TEXT COLLATE NOCASE,       -- one name per post ("Minister of Defence" for "Defense Minister")
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS titles_person ON titles(article_person_id);
CREATE INDEX IF NOT EXISTS titles_document ON titles(document_id);
CREATE INDEX IF NOT EXISTS titles_sentence ON titles(sentence_id);
CREATE INDEX IF NOT EXISTS titles_post ON titles(post);
CREATE INDEX IF NOT EXISTS titles_country ON titles(country);
CREATE INDEX IF NOT EXISTS titles_organisation ON titles(organisation);
CREATE INDEX IF NOT EXISTS titles_status ON titles(status);
CREATE INDEX IF NOT EXISTS titles_normalized_post ON titles(normalized_post);  -- facet; the post-on-a-date query
CREATE INDEX IF NOT EXISTS titles_post_nocase ON titles(post COLLATE NOCASE);   -- the post-on-a-date query's lookup

-- Meetings ----------------------------------------------------------------------------

-- One row per real meeting, across articles; rebuilt by the resolution step.
CREATE TABLE IF NOT EXISTS meetings (
    id INTEGER PRIMARY KEY,
    date TEXT CHECK (date IS NULL OR date(date) = date),
    date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')),
    date_inferred TEXT,                        -- how, when not read from the article itself
    place TEXT,
    participants TEXT NOT NULL,                -- JSON list of canonical names
    topics TEXT,                               -- JSON list
    sources INTEGER NOT NULL DEFAULT 1,
    latitude REAL,                             -- of place, from the offline gazetteer; NULL when unknown
    longitude REAL,
    geonames_id INTEGER,
    -- the month facet: YYYY-MM, YYYY for a year-precision date, 'undated' when no article pins it down
    month TEXT GENERATED ALWAYS AS (CASE WHEN date IS NULL THEN 'undated' WHEN date_precision = 'year'
                                         THEN substr(date, 1, 4) ELSE substr(date, 1, 7) END) VIRTUAL
);
CREATE INDEX IF NOT EXISTS meetings_month ON meetings(month);
CREATE INDEX IF NOT EXISTS meetings_place ON meetings(place);
CREATE INDEX IF NOT EXISTS meetings_sources ON meetings(sources);
CREATE INDEX IF NOT EXISTS meetings_date_sort ON meetings(date DESC, id);  -- sort_desc, and the date facet and filters

-- One article's report of a meeting.
CREATE TABLE IF NOT EXISTS meeting_reports (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    date TEXT CHECK (date IS NULL OR date(date) = date),
    date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')),
    date_raw TEXT,
    date_reference TEXT,
    place TEXT,
    topics TEXT,
    meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS meeting_reports_document ON meeting_reports(document_id);
CREATE INDEX IF NOT EXISTS meeting_reports_sentence ON meeting_reports(sentence_id);
-- by meeting, and the meeting_participants view's "does this article date it itself" in the index alone
DROP INDEX IF EXISTS meeting_reports_meeting;
CREATE INDEX IF NOT EXISTS meeting_reports_meeting_document ON meeting_reports(meeting_id, document_id, date_precision);
CREATE INDEX IF NOT EXISTS meeting_reports_place ON meeting_reports(place);
CREATE INDEX IF NOT EXISTS meeting_reports_date_reference ON meeting_reports(date_reference);

CREATE TABLE IF NOT EXISTS meeting_report_participants (
    meeting_report_id INTEGER NOT NULL REFERENCES meeting_reports(id) ON DELETE CASCADE,
    article_person_id INTEGER NOT NULL REFERENCES article_people(id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_report_id, article_person_id)
);
CREATE INDEX IF NOT EXISTS meeting_report_participants_person ON meeting_report_participants(article_person_id);

-- Where each person's meeting reports are found by a report that may join them: one row per
-- participant (resolved person) and key of a report (meeting_merge.index_keys, e.g. 'day:2024-03-05',
-- 'weekday:0', 'place:Lima'). The loader's own, kept by load/meeting_resolve.py: a new report's
-- candidates are an index read, not a read of every report of a frequent participant.
-- Derived; rebuilt whenever the resolution code changes (newsfacts_state.resolver).
CREATE TABLE IF NOT EXISTS meeting_report_keys (
    person_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    meeting_report_id INTEGER NOT NULL REFERENCES meeting_reports(id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, key, meeting_report_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS meeting_report_keys_report ON meeting_report_keys(meeting_report_id);

-- Figures -----------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS figures (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    value REAL NOT NULL,                       -- absolute: 7.5e9 for "$7.5 billion"
    unit TEXT NOT NULL,                        -- normalized: km, mi, USD, PKR, MW, bcm, % ...
    canonical_value REAL NOT NULL,             -- in the dimension's canonical unit (km for lengths)
    canonical_unit TEXT NOT NULL,
    dimension TEXT NOT NULL,
    subject TEXT,                              -- what it measures
    approximate INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),
    qualifier TEXT,
    also_value REAL,                           -- a conversion given in brackets
    also_unit TEXT,
    also_text TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    note TEXT,                                 -- how an ambiguous currency or a misprint was read
    range_part TEXT CHECK (range_part IN ('low', 'high'))  -- one end of a range ("40 to 45 per cent")
);
CREATE INDEX IF NOT EXISTS figures_document ON figures(document_id);
CREATE INDEX IF NOT EXISTS figures_sentence ON figures(sentence_id);
CREATE INDEX IF NOT EXISTS figures_unit ON figures(unit);
CREATE INDEX IF NOT EXISTS figures_subject ON figures(subject);
CREATE INDEX IF NOT EXISTS figures_dimension ON figures(dimension);

-- Casualties --------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS incidents (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,  -- first sentence
    sentences TEXT NOT NULL,                   -- JSON list of sentence ids
    date TEXT CHECK (date IS NULL OR date(date) = date),
    date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')),
    date_raw TEXT,
    date_reference TEXT,
    place TEXT,
    perpetrator TEXT,
    attribution TEXT,                          -- claimed | blamed | suspected | stated | inferred
    latitude REAL,                             -- of the first city in place the gazetteer knows; NULL when none
    longitude REAL,
    geonames_id INTEGER,
    -- reported: what the article reports; recalled: an earlier incident told for context;
    -- total: a count over several incidents; statistic: a running total over a period
    role TEXT NOT NULL DEFAULT 'reported' CHECK (role IN ('reported', 'recalled', 'total', 'statistic'))
);
CREATE INDEX IF NOT EXISTS incidents_document ON incidents(document_id);
CREATE INDEX IF NOT EXISTS incidents_sentence ON incidents(sentence_id);
CREATE INDEX IF NOT EXISTS incidents_perpetrator ON incidents(perpetrator);
CREATE INDEX IF NOT EXISTS incidents_date ON incidents(date);
CREATE INDEX IF NOT EXISTS incidents_place ON incidents(place);
CREATE INDEX IF NOT EXISTS incidents_attribution ON incidents(attribution);
CREATE INDEX IF NOT EXISTS incidents_role ON incidents(role);

CREATE TABLE IF NOT EXISTS casualty_counts (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('killed', 'injured', 'abducted', 'released', 'arrested', 'missing')),
    count INTEGER CHECK (count IS NULL OR count >= 0),
    low INTEGER,
    high INTEGER,
    qualifier TEXT,
    victims TEXT,
    claimed_by TEXT,
    date TEXT CHECK (date IS NULL OR date(date) = date),  -- the date of this count's event (the incident's, or its own)
    date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')),
    date_raw TEXT,
    date_reference TEXT,
    place TEXT,                                -- the count's own place when it differs from the incident's
    side TEXT NOT NULL DEFAULT 'victims' CHECK (side IN ('victims', 'attackers')),  -- attackers: militants killed, suspects captured
    claim INTEGER,                             -- counts of one claim (same number in an incident) are parts that add up
    superseded INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1)),  -- a later toll of its incident replaces it
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS casualty_counts_incident ON casualty_counts(incident_id);
CREATE INDEX IF NOT EXISTS casualty_counts_document ON casualty_counts(document_id);
CREATE INDEX IF NOT EXISTS casualty_counts_sentence ON casualty_counts(sentence_id);
CREATE INDEX IF NOT EXISTS casualty_counts_kind ON casualty_counts(kind);
CREATE INDEX IF NOT EXISTS casualty_counts_qualifier ON casualty_counts(qualifier);

-- Places ------------------------------------------------------------------------------

-- Every meeting or incident place, geocoded with the offline gazetteer (load/places.py);
-- rebuilt by the resolution step. latitude/longitude are NULL when the gazetteer does not
-- know the place.
CREATE TABLE IF NOT EXISTS places (
    name TEXT PRIMARY KEY,                     -- as the articles give it
    latitude REAL,
    longitude REAL,
    geonames_id INTEGER,
    kind TEXT                                  -- city or country as the gazetteer knows it; NULL when unknown
);
CREATE INDEX IF NOT EXISTS places_kind ON places(kind);

-- Resolution's own lookup keys (load/people_resolve.py), one row per article person: what an
-- incremental load looks people up by, so a new article is compared only with the names it
-- can join (same surname, same given or single name) and not with the whole database.
-- Derived from article_people and titles; rebuilt whenever the resolution code
-- changes (newsfacts_state.resolver).
CREATE TABLE IF NOT EXISTS person_keys (
    article_person_id INTEGER PRIMARY KEY REFERENCES article_people(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL,
    name_key TEXT NOT NULL,                    -- names.name_key
    words INTEGER NOT NULL,                    -- words in name_key: 1 is a bare name
    first TEXT,
    last TEXT,
    country TEXT,
    posts TEXT NOT NULL,                       -- JSON sorted list of posts held (not descriptions)
    cluster INTEGER                            -- full names: smallest id of their full-name cluster;
                                               -- a bare name: the cluster it joined, else NULL
);
-- Covering: a surname's block and a bare name's candidates are read from the index alone.
CREATE INDEX IF NOT EXISTS person_keys_by_last ON person_keys(last, name_key, country, cluster, document_id, posts, words) WHERE words > 1;
CREATE INDEX IF NOT EXISTS person_keys_by_first ON person_keys(first, name_key, country, posts, cluster, words) WHERE words > 1;
CREATE INDEX IF NOT EXISTS person_keys_single ON person_keys(name_key) WHERE words = 1;
CREATE INDEX IF NOT EXISTS person_keys_cluster ON person_keys(cluster);
-- What each people row is made of: per person, each value its members (article people) carry
-- and how many carry it (kind: name, country, rank, post, alias, document; 'mentions' with the
-- value '' counts the mentions). Kept by load/people_values.py, so that rewriting a person
-- reads its values, not its members. Derived; rebuilt whenever the resolution code changes.
CREATE TABLE IF NOT EXISTS person_values (
    person_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (person_id, kind, value)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_people_person_country ON article_people(person_id, country, rank);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);  -- a renamed file is found by its content

-- What the loader keeps about the database itself (the resolver version its keys were made with).
CREATE TABLE IF NOT EXISTS newsfacts_state (
    key TEXT PRIMARY KEY,
    value TEXT
);

-- Public views: the stable SQL surface for saved queries, bookmarks and evaluation.
-- Dates are cut to their precision. `document` is documents.path.
-- document_people, person_titles and meeting_participants are stored views: tables of the
-- same name and columns that each load rewrites from the views here, named with _live added
-- (load/stored_views.py), so that facets, exports and joins on them read indexes.

DROP VIEW IF EXISTS document_people_live;
CREATE VIEW document_people_live AS
SELECT DISTINCT p.name AS person, d.path AS document, p.id AS person_id, d.id AS document_id, p.country
FROM article_people ap
JOIN people p ON p.id = ap.person_id
JOIN documents d ON d.id = ap.document_id;

DROP VIEW IF EXISTS person_titles_live;
CREATE VIEW person_titles_live AS
SELECT p.name AS person, t.post AS title, d.path AS document,
       t.country, t.organisation, t.rank, t.status,
       CASE t.as_of_precision WHEN 'month' THEN substr(t.as_of, 1, 7) WHEN 'year' THEN substr(t.as_of, 1, 4) ELSE t.as_of END AS as_of,
       t.sentence_id, p.id AS person_id, t.id AS title_id, t.normalized_post, t.as_of_source
FROM titles t
JOIN article_people ap ON ap.id = t.article_person_id
JOIN people p ON p.id = ap.person_id
JOIN documents d ON d.id = t.document_id
WHERE t.is_description = 0;

DROP VIEW IF EXISTS meeting_participants_live;
CREATE VIEW meeting_participants_live AS
-- date: the meeting's date as this article supports it (its own report, or one dated from another
-- article: date_inferred); NULL when the article does not say when. meeting_date: the meeting's date.
SELECT DISTINCT m.id AS meeting_id,
       CASE WHEN EXISTS (SELECT 1 FROM meeting_reports own WHERE own.meeting_id = m.id
                         AND own.document_id = r.document_id AND own.date_precision = 'day')
            THEN m.date END AS date,
       m.place, p.name AS person, d.path AS document, m.sources, m.date_inferred, p.id AS person_id,
       m.date AS meeting_date
FROM meetings m
JOIN meeting_reports r ON r.meeting_id = m.id
JOIN meeting_report_participants rp ON rp.meeting_report_id = r.id
JOIN article_people ap ON ap.id = rp.article_person_id
JOIN people p ON p.id = ap.person_id
JOIN documents d ON d.id = r.document_id;

DROP VIEW IF EXISTS figure_facts;
CREATE VIEW figure_facts AS
SELECT f.value, f.unit, f.subject, d.path AS document,
       f.canonical_value, f.canonical_unit, f.dimension, f.approximate, f.qualifier,
       f.also_value, f.also_unit, f.text, f.sentence_id, f.id AS figure_id, f.note, f.range_part
FROM figures f
JOIN documents d ON d.id = f.document_id;

DROP VIEW IF EXISTS casualty_facts;
CREATE VIEW casualty_facts AS
SELECT c.kind, c.count,
       CASE c.date_precision WHEN 'month' THEN substr(c.date, 1, 7) WHEN 'year' THEN substr(c.date, 1, 4) ELSE c.date END
       AS date,
       coalesce(c.place, i.place) AS place,
       -- the perpetrator did not kill the attackers, nor arrest anyone
       CASE WHEN c.side = 'victims' AND c.kind <> 'arrested' THEN i.perpetrator END AS perpetrator,
       d.path AS document,
       c.low, c.high, c.qualifier, c.victims, c.claimed_by, i.attribution,
       c.sentence_id, i.id AS incident_id, c.id AS count_id, i.role, c.side, c.superseded
FROM casualty_counts c
JOIN incidents i ON i.id = c.incident_id
JOIN documents d ON d.id = c.document_id
WHERE i.role <> 'statistic';

-- One number per incident, kind and side: the counts of one claim added ("eight jawans and a
-- driver"), the largest claim when sources differ or the text restates it, a superseded toll
-- left out. Statistics and vague counts ("dozens") have no number here.
DROP VIEW IF EXISTS incident_tolls;
CREATE VIEW incident_tolls AS
SELECT t.incident_id, i.document_id, i.perpetrator, i.role, t.kind, t.side,
       max(t.people) AS people, count(*) AS claims
FROM (SELECT c.incident_id, c.kind, c.side, c.claim, sum(coalesce(c.count, c.low)) AS people
      FROM casualty_counts c
      WHERE c.superseded = 0 AND coalesce(c.count, c.low) IS NOT NULL
      GROUP BY c.incident_id, c.kind, c.side, c.claim) t
JOIN incidents i ON i.id = t.incident_id
GROUP BY t.incident_id, t.kind, t.side;
