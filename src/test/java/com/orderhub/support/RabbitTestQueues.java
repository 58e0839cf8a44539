package com.orderhub.support;

import com.orderhub.config.OrderHubProperties;
import jakarta.annotation.PreDestroy;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Profile;

/** Deletes the test run's exchanges and queues from the shared RabbitMQ when the context closes. */
@TestConfiguration
@Profile("rabbitmq")
public class RabbitTestQueues {

    private final RabbitAdmin admin;
    private final OrderHubProperties.Queue queue;

    public RabbitTestQueues(RabbitAdmin admin, OrderHubProperties properties) {
        this.admin = admin;
        this.queue = properties.queue();
    }

    @PreDestroy
    void deleteQueues() {
        admin.deleteQueue(queue.name());
        admin.deleteQueue(queue.deadLetterName());
        admin.deleteExchange(queue.name());
        admin.deleteExchange(queue.deadLetterName());
    }
}
