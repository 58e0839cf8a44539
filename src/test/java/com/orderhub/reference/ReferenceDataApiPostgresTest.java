package com.orderhub.reference;

import org.springframework.test.context.ActiveProfiles;

/** {@link ReferenceDataApiTests} on the real PostgreSQL at 127.0.0.1:5432. */
@ActiveProfiles("postgres")
class ReferenceDataApiPostgresTest extends ReferenceDataApiTests {
}
