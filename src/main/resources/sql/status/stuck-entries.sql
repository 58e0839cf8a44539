-- Accepted orders not final and untouched since :before, with what it takes to queue them again.
SELECT s.message_id, s.entry_index, s.payload, m.tenant, m.origin
FROM message_status s
JOIN message m ON m.message_id = s.message_id
WHERE s.status IN ('pending', 'processing') AND s.payload IS NOT NULL AND s.updated_at < :before
ORDER BY s.message_id, s.entry_index
