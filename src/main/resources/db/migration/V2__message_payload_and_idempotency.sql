-- The order as it was accepted, kept with its status entry until it is final, so an accepted
-- order can be queued again after a crash (embedded queue) or replayed by an operator.
ALTER TABLE message_status ADD COLUMN payload TEXT;

CREATE INDEX ix_message_status_open ON message_status (status, message_id);

-- Idempotency-Key of POST /Order/create: the same key and body within 24 h answer the same.
CREATE TABLE idempotency_key (
    tenant       VARCHAR(64)  NOT NULL,
    key_value    VARCHAR(255) NOT NULL,
    body_sha256  VARCHAR(64)  NOT NULL,
    message_id   VARCHAR(36)  NOT NULL REFERENCES message (message_id),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_idempotency_key PRIMARY KEY (tenant, key_value)
);
