package com.orderhub.export;

/** {@link DeltaExportTests} on the embedded H2 of the quick start. */
class DeltaExportH2Test extends DeltaExportTests {
}
