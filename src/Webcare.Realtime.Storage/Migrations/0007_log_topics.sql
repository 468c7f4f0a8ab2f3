-- Which topics a tenant's log holds, so a rebuild need not read every mention's topics (a GIN index cannot
-- list its keys). Kept by the ingest's one INSERT statement per batch (MentionLogWriter); a topic whose
-- mentions all left the log stays listed, and its aggregate then reads zero.
CREATE TABLE log_topics (
    tenant text NOT NULL,
    topic  text NOT NULL,
    PRIMARY KEY (tenant, topic)
);

INSERT INTO log_topics (tenant, topic)
SELECT DISTINCT tenant, topic FROM mention_log, unnest(topics) AS topic
ON CONFLICT DO NOTHING;
