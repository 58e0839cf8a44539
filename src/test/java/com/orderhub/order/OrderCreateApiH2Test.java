package com.orderhub.order;

/** {@link OrderCreateApiTests} on the embedded H2 database. */
class OrderCreateApiH2Test extends OrderCreateApiTests {
}
