-- The entries of a queued batch, locked in index order (two copies of a batch cannot deadlock)
-- so that a redelivered copy waits, then finds them final. A batch's entries are a run of one
-- message's indexes: a range on both primary-key columns is one index scan, whatever the planner
-- knows (a file's message has up to a million entries; an IN list may be planned as a scan of
-- them all while the table has no statistics). Entries in the range outside the batch (gaps left
-- by final entries when orders are queued again) are locked too, and left alone.
SELECT entry_index, status FROM message_status
WHERE message_id = :messageId AND entry_index BETWEEN :first AND :last
ORDER BY entry_index
FOR UPDATE
