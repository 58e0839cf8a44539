package com.orderhub.order;

/** {@link OrderReadApiTests} on the embedded H2 database. */
class OrderReadApiH2Test extends OrderReadApiTests {
}
