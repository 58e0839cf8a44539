package com.orderhub.order;

/** {@link OrderChangeApiTests} on the embedded H2 database. */
class OrderChangeApiH2Test extends OrderChangeApiTests {
}
