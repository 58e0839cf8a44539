package com.orderhub.ingest;

/** {@link FileIngestTests} on the embedded H2 of the quick start. */
class FileIngestH2Test extends FileIngestTests {
}
