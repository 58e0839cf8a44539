-- The files an inbox has taken, shared by every hub instance (Camel's JdbcMessageIdRepository),
-- so a file is processed once even across restarts and instances.
CREATE TABLE camel_messageprocessed (
    processorName VARCHAR(255) NOT NULL,
    messageId     VARCHAR(500) NOT NULL,
    createdAt     TIMESTAMP    NOT NULL,
    CONSTRAINT pk_camel_messageprocessed PRIMARY KEY (processorName, messageId)
);

-- A message from a file knows its partner and file, and when its result file was written.
ALTER TABLE message ADD COLUMN partner VARCHAR(100);
ALTER TABLE message ADD COLUMN file_name VARCHAR(1000);
ALTER TABLE message ADD COLUMN result_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_message_result_due ON message (partner, result_at);
