package com.orderhub.order;

import org.springframework.test.context.ActiveProfiles;

/** {@link OrderCreateApiTests} on PostgreSQL with RabbitMQ as the queue, as in production. */
@ActiveProfiles({"postgres", "rabbitmq"})
class OrderCreateApiRabbitTest extends OrderCreateApiTests {
}
