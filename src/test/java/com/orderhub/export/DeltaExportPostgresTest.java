package com.orderhub.export;

import org.springframework.test.context.ActiveProfiles;

/** {@link DeltaExportTests} on the real PostgreSQL at 127.0.0.1:5432. */
@ActiveProfiles("postgres")
class DeltaExportPostgresTest extends DeltaExportTests {
}
