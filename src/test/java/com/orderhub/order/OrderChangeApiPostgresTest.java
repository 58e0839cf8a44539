package com.orderhub.order;

import org.springframework.test.context.ActiveProfiles;

/** {@link OrderChangeApiTests} on the real PostgreSQL at 127.0.0.1:5432. */
@ActiveProfiles("postgres")
class OrderChangeApiPostgresTest extends OrderChangeApiTests {
}
