package com.orderhub.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.context.support.GenericApplicationContext;

class RabbitTopologyTest {

    @Test
    void anUnreachableBrokerStopsTheStartWithAMessageSayingWhere() {
        CachingConnectionFactory nowhere = new CachingConnectionFactory("127.0.0.1", 1);
        nowhere.setConnectionTimeout(1000);
        RabbitAdmin admin = new RabbitAdmin(nowhere);
        GenericApplicationContext context = new GenericApplicationContext();
        context.refresh();
        admin.setApplicationContext(context);
        OrderHubProperties properties = new OrderHubProperties("./data", "routes", "mappings",
                new OrderHubProperties.Api("/api/database/v1", 16 << 20, 1000,
                        new OrderHubProperties.RateLimit(50, java.time.Duration.ofSeconds(1), 100),
                        OrderHubProperties.RateLimitStore.memory,
                        new OrderHubProperties.Cors(java.util.List.of(), java.time.Duration.ofHours(1))),
                new OrderHubProperties.Security(java.util.List.of()),
                new OrderHubProperties.Queue(OrderHubProperties.Queue.Kind.rabbitmq, null, "x", "orders", 1000, 100), java.util.Map.of());

        assertThatThrownBy(() -> new RabbitTopology().declareOrderQueues(admin, nowhere, properties).afterSingletonsInstantiated())
                .hasMessageStartingWith("RabbitMQ at 127.0.0.1:1 is unreachable")
                .hasMessageEndingWith("check spring.rabbitmq.host, port, username and password");
        nowhere.destroy();
        context.close();
    }
}
