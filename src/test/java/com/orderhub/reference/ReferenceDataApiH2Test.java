package com.orderhub.reference;

/** {@link ReferenceDataApiTests} on the embedded H2 database. */
class ReferenceDataApiH2Test extends ReferenceDataApiTests {
}
