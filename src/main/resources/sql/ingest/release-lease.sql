DELETE FROM inbox_lease WHERE partner = :partner AND file_name = :fileName AND owner = :owner
