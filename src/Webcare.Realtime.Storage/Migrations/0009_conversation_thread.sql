-- A conversation read back from the log by its key: a conversation grain rebuilds itself from the log on
-- activation instead of storing its state every few seconds (ConversationGrain). A conversation is its
-- replies and shares, found here by the thread they name, plus its root, found through the primary key.
-- Partial: a mention that names no thread (most of them) costs this index nothing.
CREATE INDEX mention_log_thread ON mention_log (tenant, source, (coalesce(conversation_id, in_reply_to, shared_from)))
    WHERE coalesce(conversation_id, in_reply_to, shared_from) IS NOT NULL;
