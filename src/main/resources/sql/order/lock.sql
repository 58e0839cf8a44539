-- Serialises writers of one order; the version is what the ETag and If-Match compare.
SELECT id, id_remote, version, updated_at FROM orders WHERE id = :id FOR UPDATE
