-- Every file this instance holds stays held for another lease.
UPDATE inbox_lease SET lease_until = :until WHERE owner = :owner
