package com.orderhub.ingest;

import org.springframework.test.context.ActiveProfiles;

/** {@link FileIngestTests} on the real PostgreSQL at 127.0.0.1:5432. */
@ActiveProfiles("postgres")
class FileIngestPostgresTest extends FileIngestTests {
}
