-- A file no instance holds: the insert that succeeds takes it.
INSERT INTO inbox_lease (partner, file_name, owner, lease_until) VALUES (:partner, :fileName, :owner, :until)
