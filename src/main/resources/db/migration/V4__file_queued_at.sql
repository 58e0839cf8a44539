-- When every order of a file has its status entry: from then on the file's result is due as soon
-- as none of them is open, which the open-entries index answers without counting the entries.
ALTER TABLE message ADD COLUMN queued_at TIMESTAMP WITH TIME ZONE;
