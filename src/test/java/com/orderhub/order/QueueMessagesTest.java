package com.orderhub.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderhub.order.OrderMessages.Batch;
import com.orderhub.order.OrderMessages.Queued;
import com.orderhub.support.HubSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The queue-orders route's judgement, without a Camel context: batches, and a batch as a queue message. */
class QueueMessagesTest {

    private final QueueMessages messages = new QueueMessages(HubSettings.of(Map.of("orderhub.queue.batch-size", "2")));

    @Test
    void ordersTravelInBatchesOfTheSizeEachOfOneMessage() {
        List<Queued> orders = List.of(order("m1", 0), order("m1", 1), order("m1", 2), order("m2", 0));

        List<Batch> batches = messages.batches(orders);

        assertThat(batches).extracting(Batch::messageId).containsExactly("m1", "m1", "m2");
        assertThat(batches).extracting(batch -> batch.orders().size()).containsExactly(2, 1, 1);
    }

    @Test
    void aBatchBecomesItsOrdersOnePerLineWithHeadersSayingWhoseTheyAre() {
        Batch batch = messages.batches(List.of(order("m1", 3), order("m1", 4))).get(0);
        Map<String, Object> headers = new HashMap<>();

        String body = messages.message(batch, headers);

        assertThat(body).isEqualTo("[\"o3\"]\n[\"o4\"]");
        assertThat(headers).containsEntry(OrderMessages.MESSAGE_ID, "m1").containsEntry(OrderMessages.TENANT, "demo")
                .containsEntry(OrderMessages.ORIGIN, "api").containsEntry(OrderMessages.INDEXES, "3,4")
                .containsEntry(QueueMessages.CONTENT_TYPE, "application/x-ndjson")
                .containsEntry(QueueMessages.CONTENT_ENCODING, "UTF-8");
        assertThat(OrderMessages.orders(headers::get, body)).isEqualTo(batch.orders());
    }

    private static Queued order(String messageId, int index) {
        return new Queued("demo", messageId, index, "api", "[\"o" + index + "\"]");
    }
}
