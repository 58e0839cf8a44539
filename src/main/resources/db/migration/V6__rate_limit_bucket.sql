-- API rate limits shared by every instance (orderhub.api.rate-limit-store: database): one token
-- bucket per API key fingerprint, its state kept by Bucket4j.
CREATE TABLE rate_limit_bucket (
    id    VARCHAR(64) NOT NULL PRIMARY KEY,
    state BYTEA
);
