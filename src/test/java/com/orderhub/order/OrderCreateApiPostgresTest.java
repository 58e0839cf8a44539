package com.orderhub.order;

import org.springframework.test.context.ActiveProfiles;

/** {@link OrderCreateApiTests} on the real PostgreSQL at 127.0.0.1:5432. */
@ActiveProfiles("postgres")
class OrderCreateApiPostgresTest extends OrderCreateApiTests {
}
