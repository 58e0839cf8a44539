package com.orderhub.metrics;

import static com.orderhub.support.Fixtures.orderJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderhub.support.ApiTestSupport;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hub's meters at /actuator/prometheus, as a Prometheus server scrapes them. */
class MetricsTest extends ApiTestSupport {

    private String scrape() {
        Response response = send("GET", "/actuator/prometheus", Map.of(), null);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    /** The value of one series (name and labels as written), 0 when the hub has not made it yet. */
    private static double value(String scrape, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    @Test
    void ordersAcceptedPersistedAndFailedAreCountedOnceEach() {
        fixtures.referenceData(DEMO, "demo");
        String before = scrape();
        ObjectNode unknownStatus = orderJson("MT-2");
        unknownStatus.put("statusId", "Lost");

        create("[" + orderJson("MT-1") + "," + unknownStatus + "]");

        String after = scrape();
        String accepted = "orderhub_orders_accepted_total{origin=\"api\"}";
        String persisted = "orderhub_orders_persisted_total";
        String notFound = "orderhub_orders_failed_total{code=\"404\"}";
        assertThat(value(after, accepted) - value(before, accepted)).isEqualTo(2);
        assertThat(value(after, persisted) - value(before, persisted)).isEqualTo(1);
        assertThat(value(after, notFound) - value(before, notFound)).isEqualTo(1);
    }

    @Test
    void theQueueTheExportsAndTheRoutesAreMeasured() {
        String scrape = scrape();

        assertThat(scrape).contains("orderhub_queue_depth ").contains("orderhub_queue_dead_letters ")
                .containsPattern("orderhub_export_lag_seconds\\{partner=\"exporter\"} \\d")
                .containsPattern("camel_route_policy_seconds_count\\{[^}]*routeId=\"write-result-files\"");
    }
}
