-- Deltas back to ERPs (SPEC 6). Every write of an order records a change in its transaction.
-- A change gets its number (seq) only after it has committed, from one sequencer at a time
-- (export/sequence-changes under the change_sequencer lock): a change committed later always
-- gets a higher number, so an export that has read up to a number has missed nothing below it,
-- however long the writing transaction took.
CREATE SEQUENCE order_change_seq;

CREATE TABLE order_change (
    change_id  VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant     VARCHAR(64)  NOT NULL,
    order_id   VARCHAR(36)  NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seq        BIGINT
);
CREATE INDEX ix_order_change_seq ON order_change (seq);
CREATE INDEX ix_order_change_tenant_seq ON order_change (tenant, seq);

CREATE TABLE change_sequencer (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO change_sequencer (id) VALUES (1);

-- Per partner: the watermark (the last change number delivered), the lease that lets one
-- instance at a time run the partner's export, and what operators want to see.
CREATE TABLE export_state (
    partner         VARCHAR(100) NOT NULL PRIMARY KEY,
    watermark       BIGINT       NOT NULL,
    lease_owner     VARCHAR(300),
    lease_until     TIMESTAMP WITH TIME ZONE,
    last_run_at     TIMESTAMP WITH TIME ZONE,
    last_success_at TIMESTAMP WITH TIME ZONE,
    last_file       VARCHAR(300),
    last_error      VARCHAR(4000),
    exported_orders BIGINT       NOT NULL,
    failed_runs     BIGINT       NOT NULL
);
