-- A conversation read back from the log by its key: a conversation grain rebuilds itself from the log on
-- activation instead of storing its state every few seconds (ConversationGrain). The key is
-- Mention.ConversationKey ("source:thread"), spelled as one expression that leads the index: no other index
-- can serve a query on it, so the plan stays right while the statistics of a fast-growing log are stale (an
-- index on (tenant, source, thread) lost to mention_log_source_time then, and scanned a whole source per
-- read).
CREATE INDEX mention_log_thread ON mention_log ((source || ':' || coalesce(conversation_id, in_reply_to, shared_from, id)), tenant);
