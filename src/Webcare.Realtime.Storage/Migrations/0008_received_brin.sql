-- received_at only serves range reads of a crash's last seconds (a conversation read back from the log),
-- and it grows with insertion order: a BRIN index answers those ranges at almost no cost per insert, where
-- the btree was one of five index insertions for every mention stored.
DROP INDEX IF EXISTS mention_log_received;
CREATE INDEX mention_log_received ON mention_log USING brin (received_at);
