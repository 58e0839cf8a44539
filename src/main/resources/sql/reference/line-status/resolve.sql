-- Candidates for references given as hub id or idRemote; References picks the hub id match first.
SELECT id, id_remote
FROM line_status
WHERE tenant = :tenant AND (id IN (:refs) OR id_remote IN (:refs))
