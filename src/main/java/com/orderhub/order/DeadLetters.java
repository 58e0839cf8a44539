package com.orderhub.order;

import com.orderhub.api.Dates;
import com.orderhub.config.OrderHubProperties;
import com.orderhub.db.Rows;
import com.orderhub.db.SqlFiles;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Operators' view of the dead-letter queue: {@code GET /actuator/deadletters} counts the batches
 * of orders parked there, {@code POST /actuator/deadletters} replays them: each batch's orders go
 * back to pending and onto the orders queue, and the batch leaves the dead-letter queue only once
 * RabbitMQ confirmed it.
 */
@Component
@Endpoint(id = "deadletters")
@ConditionalOnProperty(name = "orderhub.queue.kind", havingValue = "rabbitmq")
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final RabbitTemplate rabbit;
    private final RabbitAdmin admin;
    private final NamedParameterJdbcTemplate jdbc;
    private final OrderHubProperties.Queue queue;

    public DeadLetters(RabbitTemplate rabbit, RabbitAdmin admin, NamedParameterJdbcTemplate jdbc,
            OrderHubProperties properties) {
        this.rabbit = rabbit;
        this.admin = admin;
        this.jdbc = jdbc;
        this.queue = properties.queue();
    }

    @ReadOperation
    public Map<String, Object> count() {
        Properties info = admin.getQueueProperties(queue.deadLetterName());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("queue", queue.deadLetterName());
        answer.put("messages", info == null ? 0 : info.get(RabbitAdmin.QUEUE_MESSAGE_COUNT));
        return answer;
    }

    /** Replays what is in the dead-letter queue now (at most that many, so a failing order cannot loop). */
    @WriteOperation
    public Map<String, Object> replay() {
        Object waiting = count().get("messages");
        int limit = waiting instanceof Number n ? n.intValue() : 0;
        int replayed = rabbit.invoke(ops -> ops.execute(channel -> {
            int done = 0;
            for (int i = 0; i < limit; i++) {
                GetResponse dead = channel.basicGet(queue.deadLetterName(), false);
                if (dead == null) {
                    break;
                }
                AMQP.BasicProperties properties = dead.getProps();
                Map<String, Object> headers = properties.getHeaders();
                String payload = new String(dead.getBody(), StandardCharsets.UTF_8);
                reopen(headers, payload);
                channel.basicPublish(queue.name(), queue.name(), properties.builder().headers(withoutDeathRecord(headers))
                        .build(), dead.getBody());
                channel.waitForConfirmsOrDie(queue.confirmTimeoutMs());
                channel.basicAck(dead.getEnvelope().getDeliveryTag(), false);
                done++;
            }
            return done;
        }));
        LOG.info("Replayed {} dead-lettered batches of orders onto {}", replayed, queue.name());
        return Map.of("replayed", replayed);
    }

    /** The batch's entries go back to pending with their JSON, so the intake takes them again. */
    private void reopen(Map<String, Object> headers, String body) {
        if (headers == null || headers.get(OrderMessages.MESSAGE_ID) == null) {
            return;
        }
        List<OrderMessages.Queued> orders = OrderMessages.orders(headers::get, body);
        jdbc.batchUpdate(SqlFiles.get("status/reopen-entry"), orders.stream().map(order -> new MapSqlParameterSource()
                .addValue("messageId", order.messageId())
                .addValue("index", order.index())
                .addValue("payload", order.payload())
                .addValue("now", Rows.param(Dates.now()))).toArray(MapSqlParameterSource[]::new));
    }

    private static Map<String, Object> withoutDeathRecord(Map<String, Object> headers) {
        Map<String, Object> clean = new LinkedHashMap<>(headers == null ? Map.of() : headers);
        clean.keySet().removeIf(name -> name.startsWith("x-death") || name.startsWith("x-first-death")
                || name.startsWith("x-last-death"));
        return clean;
    }
}
