package com.orderhub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orderhub.config.OrderHubProperties.Queue.Type;
import com.orderhub.support.HubSettings;
import com.orderhub.support.RabbitTestQueues;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.context.support.GenericApplicationContext;

/** The hub's queues on the machine's RabbitMQ, and the start's answer when they cannot be had. */
class RabbitTopologyTest {

    private static final int BROKER_PORT = 5672;

    private final String name = "orderhub.topology." + UUID.randomUUID().toString().substring(0, 8);
    private final GenericApplicationContext context = new GenericApplicationContext();

    @AfterEach
    void deleteQueues() throws Exception {
        context.close();
        RabbitTestQueues.deleteTopology(name);
    }

    @Test
    void anUnreachableBrokerStopsTheStartWithAMessageSayingWhere() {
        CachingConnectionFactory nowhere = new CachingConnectionFactory("127.0.0.1", 1);
        nowhere.setConnectionTimeout(1000);

        assertThatThrownBy(() -> declare(nowhere, Type.classic))
                .hasMessageStartingWith("RabbitMQ at 127.0.0.1:1 is unreachable")
                .hasMessageEndingWith("check spring.rabbitmq.host, port, username and password");
        nowhere.destroy();
    }

    /** Quorum queues as production declares them; classic ones as hubs before the setting did. */
    @ParameterizedTest
    @EnumSource(Type.class)
    void theOrdersQueueAndItsDeadLettersAreDeclaredOfTheConfiguredType(Type type) throws Exception {
        CachingConnectionFactory broker = new CachingConnectionFactory("127.0.0.1", BROKER_PORT);
        declare(broker, type);
        broker.destroy();

        assertThat(typeOf(name)).isEqualTo(type.name());
        assertThat(typeOf(name + ".dead")).isEqualTo(type.name());
    }

    @Test
    void aQueueOfTheOtherTypeStopsTheStartSayingWhatToDo() throws Exception {
        CachingConnectionFactory broker = new CachingConnectionFactory("127.0.0.1", BROKER_PORT);
        declare(broker, Type.classic);

        assertThatThrownBy(() -> declare(broker, Type.quorum))
                .hasMessageStartingWith("RabbitMQ at 127.0.0.1:" + BROKER_PORT + " refused the quorum queues "
                        + name + " and " + name + ".dead (")
                .hasMessageContaining("inequivalent arg 'x-queue-type'")
                .hasMessageEndingWith("). A queue's type cannot be changed: let the queue drain, delete both and start"
                        + " again, or set orderhub.queue.type to the type they have, or orderhub.queue.name to new queues");
        broker.destroy();
    }

    private void declare(CachingConnectionFactory broker, Type type) {
        broker.setConnectionTimeout(1000);
        RabbitAdmin admin = new RabbitAdmin(broker);
        if (!context.isActive()) {
            context.refresh();
        }
        admin.setApplicationContext(context);
        OrderHubProperties properties = HubSettings.of(Map.of("orderhub.queue.kind", "rabbitmq",
                "orderhub.queue.type", type.name(), "orderhub.queue.name", name, "orderhub.queue.consume-uri", "x"));
        RabbitTopology topology = new RabbitTopology();
        topology.orderQueues(properties).getDeclarables().forEach(each -> context.getBeanFactory()
                .registerSingleton(UUID.randomUUID().toString(), each));
        topology.declareOrderQueues(admin, broker, properties).afterSingletonsInstantiated();
    }

    /** The queue's type as the broker lists it. */
    private static String typeOf(String queue) throws Exception {
        Process list = new ProcessBuilder("rabbitmqctl", "list_queues", "--quiet", "--no-table-headers", "name", "type")
                .redirectErrorStream(true).start();
        String out = new String(list.getInputStream().readAllBytes());
        assertThat(list.waitFor()).as(out).isZero();
        return out.lines().map(line -> line.trim().split("\\s+")).filter(cols -> cols[0].equals(queue))
                .map(cols -> cols[1]).findFirst().orElse("none");
    }
}
