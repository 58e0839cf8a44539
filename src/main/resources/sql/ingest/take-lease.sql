-- A file whose holder stopped renewing its lease (it died): the update that changes the row takes it.
UPDATE inbox_lease SET owner = :owner, lease_until = :until
WHERE partner = :partner AND file_name = :fileName AND lease_until < :now
