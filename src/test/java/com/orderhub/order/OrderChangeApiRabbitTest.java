package com.orderhub.order;

import org.springframework.test.context.ActiveProfiles;

/** {@link OrderChangeApiTests} on PostgreSQL with RabbitMQ as the queue, as in production. */
@ActiveProfiles({"postgres", "rabbitmq"})
class OrderChangeApiRabbitTest extends OrderChangeApiTests {
}
