-- ERP files are taken once by their content, and each is a unit of work that survives a crash.
--
-- A file being taken is held through a lease, one row per partner and file name: the instance
-- whose insert or update wins reads it, renews the lease while it works, and deletes the row
-- when it is done. An instance that dies stops renewing, and the file is taken again, by a
-- restarted hub or another instance, once the lease has run out.
CREATE TABLE inbox_lease (
    partner     VARCHAR(100)  NOT NULL,
    file_name   VARCHAR(1000) NOT NULL,
    owner       VARCHAR(300)  NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_inbox_lease PRIMARY KEY (partner, file_name)
);

-- A file's message knows the SHA-256 of the bytes it was made of (one message per partner and
-- content: the same bytes again are a duplicate), the size and modification time the file had
-- when it was taken (the same file found again after a crash is told from a re-send by them),
-- and when its result file was written; result_at is when an instance claimed the writing.
ALTER TABLE message ADD COLUMN file_sha256 VARCHAR(64);
ALTER TABLE message ADD COLUMN file_size BIGINT;
ALTER TABLE message ADD COLUMN file_modified BIGINT;
ALTER TABLE message ADD COLUMN result_written_at TIMESTAMP WITH TIME ZONE;
CREATE UNIQUE INDEX ux_message_file_content ON message (partner, file_sha256);
UPDATE message SET result_written_at = result_at WHERE result_at IS NOT NULL;

-- The names and sizes of taken files: replaced by the content above.
DROP TABLE camel_messageprocessed;
