-- Deep pages of getOrder (issue 8). An OFFSET of half a million orders passes half a million index
-- entries. Instead the orders are counted per day, minute and second of their createdAt, and a
-- page finds its second by running sums of those counts (OrderTally.position), then passes only
-- the orders of that second. The tally's rows get a grain (seconds per bucket; 0 is the tenant's
-- whole book) and a bucket (the epoch second it starts at): writers still only add rows (V8_1).
-- The fold moves them into order_count, one row per tenant, grain and bucket, so that a day's
-- minutes or a minute's seconds are a range of its primary key.
ALTER TABLE order_tally ADD COLUMN grain INT NOT NULL DEFAULT 0;
ALTER TABLE order_tally ADD COLUMN bucket BIGINT NOT NULL DEFAULT 0;
-- Readers find a bucket's rows that are not folded yet here: a scan of the table would also pass
-- every row the fold deleted since the last vacuum, a second's worth of writes each second.
CREATE INDEX ix_order_tally_bucket ON order_tally (tenant, grain, bucket);

CREATE TABLE order_count (
    tenant VARCHAR(64) NOT NULL,
    grain  INT         NOT NULL,
    bucket BIGINT      NOT NULL,
    orders BIGINT      NOT NULL,
    PRIMARY KEY (tenant, grain, bucket)
);

-- A bucket's count is its folded row plus the writers' rows not folded yet: readers sum these parts.
CREATE VIEW order_count_parts AS
SELECT tenant, grain, bucket, orders FROM order_count
UNION ALL
SELECT tenant, grain, bucket, delta FROM order_tally;
