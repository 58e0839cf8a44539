package com.orderhub.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderhub.db.PositionalSql;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link OrderReadApiTests} on the embedded H2 database. */
class OrderReadApiH2Test extends OrderReadApiTests {

    /**
     * H2 reads a list's index in order only when the ORDER BY starts with the index's leading
     * tenant; otherwise it sorts every row of the tenant for each page (50 ms a page at 50,000
     * orders, measured), which its plan shows by the missing "index sorted".
     */
    @ParameterizedTest
    @ValueSource(strings = {"order/page-by-created", "order/page-by-created-from", "order/page-by-updated",
            "order/page-by-updated-after", "order/deleted-page", "order/deleted-page-after", "export/changes-after",
            "order/tally-lock", "reference/product/page", "reference/business-partner/page"})
    void everyListReadsItsIndexInOrder(String file) {
        PositionalSql sql = PositionalSql.of(file);
        Object[] values = sql.names().stream().map(OrderReadApiH2Test::sample).toArray();

        String plan = jdbc.queryForObject("EXPLAIN " + sql.sql().replace(" FOR UPDATE", ""), String.class, values);

        assertThat(plan).contains("/* index sorted */");
    }

    private static Object sample(String parameter) {
        return switch (parameter) {
            case "tenant", "afterId" -> "demo";
            case "date", "from", "afterAt" -> OffsetDateTime.parse("2026-01-01T00:00:00Z");
            default -> 10;
        };
    }
}
