-- The log's identity, made cheaper to keep: index maintenance is most of PostgreSQL's work per mention stored
-- (BENCHMARKS.md, durable ingest, sixth session).
-- * tenant, source and id compare byte by byte (COLLATE "C"). They are identifiers, never sorted for a
--   reader, and under the database's linguistic collation every key comparison went through strcoll.
-- * The primary key leads with id. Neighbours in the index mostly share tenant and source, so a key that
--   started with them made every comparison walk past two equal text fields before the one that differs.
--   Reads by tenant and source use mention_log_source_time, which starts with them.
-- * redacted_text is NULL when it equals text (no personal data found: most mentions), so the row and its
--   WAL carry the text once. Readers take coalesce(redacted_text, text). Rows stored before stay as they are.
-- Changing a column's collation keeps the table's rows; the indexes on the columns are rebuilt.
ALTER TABLE mention_log
    ALTER COLUMN tenant TYPE text COLLATE "C",
    ALTER COLUMN source TYPE text COLLATE "C",
    ALTER COLUMN id TYPE text COLLATE "C",
    ALTER COLUMN redacted_text DROP NOT NULL;
ALTER TABLE mention_log DROP CONSTRAINT mention_log_pkey, ADD PRIMARY KEY (id, source, tenant);
