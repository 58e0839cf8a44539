-- The whole order model of SPEC sections 3 and 4. One schema for H2 (PostgreSQL mode) and PostgreSQL.
-- Every row carries its tenant; every unique key is per tenant. Hub ids are time-ordered UUID strings.
-- Money and quantities are NUMERIC(19,4); timestamps are stored with time zone and returned as UTC.

CREATE TABLE company (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant       VARCHAR(64)  NOT NULL,
    id_remote    VARCHAR(100) NOT NULL,
    company_name VARCHAR(255) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_company_remote UNIQUE (tenant, id_remote)
);
CREATE INDEX ix_company_created ON company (tenant, created_at, id);

CREATE TABLE business_partner (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant       VARCHAR(64)  NOT NULL,
    id_remote    VARCHAR(100) NOT NULL,
    company_id   VARCHAR(36)  NOT NULL REFERENCES company (id),
    contact_name VARCHAR(255) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_partner_remote UNIQUE (tenant, id_remote)
);
CREATE INDEX ix_partner_created ON business_partner (tenant, created_at, id);

-- A partner's roles: Client (may place orders) and Representant (an agent who sells).
CREATE TABLE partner_role (
    partner_id VARCHAR(36) NOT NULL REFERENCES business_partner (id),
    role       VARCHAR(20) NOT NULL,
    CONSTRAINT pk_partner_role PRIMARY KEY (partner_id, role),
    CONSTRAINT ck_partner_role CHECK (role IN ('Client', 'Representant'))
);

-- A partner's addresses; an order's shipping and billing addresses are locations of its client.
CREATE TABLE partner_location (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant           VARCHAR(64)  NOT NULL,
    partner_id       VARCHAR(36)  NOT NULL REFERENCES business_partner (id),
    id_remote        VARCHAR(100) NOT NULL,
    address          VARCHAR(1000) NOT NULL,
    shipping_address BOOLEAN      NOT NULL,
    billing_address  BOOLEAN      NOT NULL,
    position         INTEGER      NOT NULL,
    CONSTRAINT uq_location_remote UNIQUE (partner_id, id_remote)
);
CREATE INDEX ix_location_tenant ON partner_location (tenant, id_remote);

CREATE TABLE season (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant      VARCHAR(64)  NOT NULL,
    id_remote   VARCHAR(100) NOT NULL,
    description VARCHAR(255) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_season_remote UNIQUE (tenant, id_remote)
);
CREATE INDEX ix_season_created ON season (tenant, created_at, id);

CREATE TABLE product (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant      VARCHAR(64)   NOT NULL,
    id_remote   VARCHAR(100)  NOT NULL,
    reference   VARCHAR(100)  NOT NULL,
    description VARCHAR(1000),
    price       NUMERIC(19,4),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_product_remote UNIQUE (tenant, id_remote)
);
CREATE INDEX ix_product_created ON product (tenant, created_at, id);

CREATE TABLE discount_type (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant      VARCHAR(64)  NOT NULL,
    id_remote   VARCHAR(100) NOT NULL,
    name        VARCHAR(255) NOT NULL,
    code        VARCHAR(100),
    description VARCHAR(1000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_discount_type_remote UNIQUE (tenant, id_remote)
);
CREATE INDEX ix_discount_type_created ON discount_type (tenant, created_at, id);

CREATE TABLE order_status (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant      VARCHAR(64)  NOT NULL,
    id_remote   VARCHAR(100) NOT NULL,
    description VARCHAR(255) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_order_status_remote UNIQUE (tenant, id_remote)
);
CREATE INDEX ix_order_status_created ON order_status (tenant, created_at, id);

CREATE TABLE line_status (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant      VARCHAR(64)  NOT NULL,
    id_remote   VARCHAR(100) NOT NULL,
    description VARCHAR(255) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_line_status_remote UNIQUE (tenant, id_remote)
);
CREATE INDEX ix_line_status_created ON line_status (tenant, created_at, id);

-- "orders" because ORDER is a reserved word in SQL.
CREATE TABLE orders (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant              VARCHAR(64)   NOT NULL,
    id_remote           VARCHAR(100)  NOT NULL,
    reference           VARCHAR(100),
    company_id          VARCHAR(36)   NOT NULL REFERENCES company (id),
    client_id           VARCHAR(36)   NOT NULL REFERENCES business_partner (id),
    agent_id            VARCHAR(36)   NOT NULL REFERENCES business_partner (id),
    status_id           VARCHAR(36)   NOT NULL REFERENCES order_status (id),
    season_id           VARCHAR(36)            REFERENCES season (id),
    shipping_address_id VARCHAR(36)   NOT NULL REFERENCES partner_location (id),
    billing_address_id  VARCHAR(36)   NOT NULL REFERENCES partner_location (id),
    date_order          TIMESTAMP WITH TIME ZONE NOT NULL,
    date_modified       TIMESTAMP WITH TIME ZONE,
    date_delivery       TIMESTAMP WITH TIME ZONE,
    observation         VARCHAR(4000),
    gross_amount        NUMERIC(19,4) NOT NULL,
    base_amount         NUMERIC(19,4) NOT NULL,
    shipping_amount     NUMERIC(19,4) NOT NULL,
    tax_amount          NUMERIC(19,4) NOT NULL,
    taxrec_amount       NUMERIC(19,4),
    total_amount        NUMERIC(19,4) NOT NULL,
    total_quantity      NUMERIC(19,4) NOT NULL,
    quantity_served     NUMERIC(19,4) NOT NULL,
    quantity_pending    NUMERIC(19,4) NOT NULL,
    shipper             VARCHAR(255),
    origin              VARCHAR(300)  NOT NULL,
    is_sale             BOOLEAN       NOT NULL,
    active              BOOLEAN       NOT NULL,
    version             BIGINT        NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_order_remote UNIQUE (tenant, id_remote)
);
-- The two orderings the API pages by; both end in id so every page boundary is exact.
CREATE INDEX ix_order_created ON orders (tenant, created_at, id);
CREATE INDEX ix_order_updated ON orders (tenant, updated_at, id);

-- Header discounts (discount[] of an order).
CREATE TABLE order_discount (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    order_id         VARCHAR(36)   NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    id_remote        VARCHAR(100)  NOT NULL,
    discount_type_id VARCHAR(36)   NOT NULL REFERENCES discount_type (id),
    sequence         INTEGER       NOT NULL,
    discount         NUMERIC(19,4) NOT NULL,
    amount_discount  NUMERIC(19,4) NOT NULL,
    is_line          BOOLEAN       NOT NULL,
    is_header        BOOLEAN       NOT NULL,
    position         INTEGER       NOT NULL,
    CONSTRAINT uq_order_discount_remote UNIQUE (order_id, id_remote)
);

CREATE TABLE order_line (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    order_id            VARCHAR(36)   NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    id_remote           VARCHAR(100)  NOT NULL,
    line_status_id      VARCHAR(36)   NOT NULL REFERENCES line_status (id),
    observations        VARCHAR(4000),
    delivery_date       TIMESTAMP WITH TIME ZONE,
    line_amount         NUMERIC(19,4),
    quantity            NUMERIC(19,4),
    quantity_served     NUMERIC(19,4),
    quantity_from_stock NUMERIC(19,4),
    position            INTEGER       NOT NULL,
    CONSTRAINT uq_order_line_remote UNIQUE (order_id, id_remote)
);

CREATE TABLE line_discount (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    line_id         VARCHAR(36)   NOT NULL REFERENCES order_line (id) ON DELETE CASCADE,
    id_remote       VARCHAR(100)  NOT NULL,
    discount        NUMERIC(19,4) NOT NULL,
    amount_discount NUMERIC(19,4) NOT NULL,
    position        INTEGER       NOT NULL,
    CONSTRAINT uq_line_discount_remote UNIQUE (line_id, id_remote)
);

CREATE TABLE line_detail (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    line_id      VARCHAR(36)   NOT NULL REFERENCES order_line (id) ON DELETE CASCADE,
    id_remote    VARCHAR(100)  NOT NULL,
    product_id   VARCHAR(36)   NOT NULL REFERENCES product (id),
    quantity     NUMERIC(19,4),
    price        NUMERIC(19,4),
    retail_price NUMERIC(19,4),
    position     INTEGER       NOT NULL,
    CONSTRAINT uq_line_detail_remote UNIQUE (line_id, id_remote)
);

-- Delivery notes (albaranes): a line on a delivery note keeps its order from being deleted.
-- No foreign key from delivery_note to orders: SPEC 3.3 guards deletion on lines only, so a
-- note whose lines were all taken off must not keep its order alive.
CREATE TABLE delivery_note (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant     VARCHAR(64)  NOT NULL,
    id_remote  VARCHAR(100) NOT NULL,
    order_id   VARCHAR(36)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_delivery_note_remote UNIQUE (tenant, id_remote)
);
CREATE INDEX ix_delivery_note_created ON delivery_note (tenant, created_at, id);

CREATE TABLE delivery_note_line (
    delivery_note_id VARCHAR(36) NOT NULL REFERENCES delivery_note (id) ON DELETE CASCADE,
    line_id          VARCHAR(36) NOT NULL REFERENCES order_line (id),
    position         INTEGER     NOT NULL,
    CONSTRAINT pk_delivery_note_line PRIMARY KEY (delivery_note_id, line_id)
);
CREATE INDEX ix_delivery_note_line ON delivery_note_line (line_id);

-- Tombstones: what was deleted, when, and the order as it was (JSON as GET returned it).
CREATE TABLE deleted_order (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant     VARCHAR(64)  NOT NULL,
    id_remote  VARCHAR(100) NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    snapshot   TEXT         NOT NULL
);
CREATE INDEX ix_deleted_order_at ON deleted_order (tenant, deleted_at, id);

-- Asynchronous create: one message per request or file, one entry per order in it.
CREATE TABLE message (
    message_id  VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant      VARCHAR(64)  NOT NULL,
    origin      VARCHAR(300) NOT NULL,
    order_count INTEGER      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE message_status (
    message_id    VARCHAR(36)  NOT NULL REFERENCES message (message_id),
    entry_index   INTEGER      NOT NULL,
    id_remote     VARCHAR(100),
    order_id      VARCHAR(36),
    status        VARCHAR(20)  NOT NULL,
    code          INTEGER,
    error_message VARCHAR(4000),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_message_status PRIMARY KEY (message_id, entry_index),
    CONSTRAINT ck_message_status CHECK (status IN ('pending', 'processing', 'completed', 'failed'))
);
