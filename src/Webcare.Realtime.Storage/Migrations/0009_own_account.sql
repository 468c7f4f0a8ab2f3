-- Whether the organisation's own account wrote the mention (EnrichedMention.FromOwnAccount, decided at
-- ingest). Live, its answers count as volume but never as public sentiment; rebuilds from the log count
-- them the same way. Rows stored before this version read as false: who the own accounts were then is
-- not known here. A constant default adds the column without rewriting the table.
ALTER TABLE mention_log ADD COLUMN from_own_account boolean NOT NULL DEFAULT false;
