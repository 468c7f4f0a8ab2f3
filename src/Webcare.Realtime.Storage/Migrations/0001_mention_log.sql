-- The mention log: every mention accepted, once, with what the ingest path read from it.
-- Identity is (tenant, source, id). `tx` is the writing transaction's id: a grain rebuilt from the log
-- uses it to tell which mentions its rebuild already counted (see MentionLogSnapshot).
CREATE TABLE mention_log (
    seq              bigint GENERATED ALWAYS AS IDENTITY,
    tenant           text        NOT NULL,
    source           text        NOT NULL,
    id               text        NOT NULL,
    created_at       timestamptz NOT NULL,
    received_at      timestamptz NOT NULL,
    author_handle    text,
    author_name      text,
    author_followers bigint      NOT NULL DEFAULT 0,
    text             text        NOT NULL,
    url              text,
    conversation_id  text,
    in_reply_to      text,
    shared_from      text,
    likes            bigint      NOT NULL DEFAULT 0,
    shares           bigint      NOT NULL DEFAULT 0,
    language         text        NOT NULL,
    sentiment_score  double precision NOT NULL,
    sentiment_label  smallint    NOT NULL, -- -1 negative, 0 neutral, 1 positive (Core SentimentLabel)
    topics           text[]      NOT NULL,
    redacted_text    text        NOT NULL,
    pii              text[]      NOT NULL,
    privacy_sensitive boolean    NOT NULL,
    tx               bigint      NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    PRIMARY KEY (tenant, source, id)
);

-- Rebuilding a source's windows and purging by age read by time.
CREATE INDEX mention_log_source_time ON mention_log (tenant, source, created_at);
CREATE INDEX mention_log_received ON mention_log (received_at);
-- Topic windows: which mentions carry a topic.
CREATE INDEX mention_log_topics ON mention_log USING gin (topics);
-- Erasure: an author's mentions.
CREATE INDEX mention_log_author ON mention_log (tenant, source, lower(author_handle));
