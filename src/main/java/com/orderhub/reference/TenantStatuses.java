package com.orderhub.reference;

import com.orderhub.api.ApiKeys;
import com.orderhub.api.Dates;
import com.orderhub.db.Ids;
import com.orderhub.db.Rows;
import com.orderhub.db.SqlFiles;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every tenant starts with the default order and line statuses (README, "Seeded statuses").
 * Tenants come from the configured keys, so each is seeded at start-up; the idRemote of a
 * seeded status is its description, so callers can write {@code "statusId": "Pending"}. An
 * existing status (seeded or the caller's own) is never overwritten.
 */
@Component
public class TenantStatuses {

    private static final Logger LOG = LoggerFactory.getLogger(TenantStatuses.class);

    static final List<String> ORDER_STATUSES = List.of("Pending", "Confirmed", "Shipped", "Cancelled");
    static final List<String> LINE_STATUSES = List.of("Pending", "InStock", "Shipped", "Deleted");

    private final NamedParameterJdbcTemplate jdbc;
    private final ApiKeys keys;

    public TenantStatuses(NamedParameterJdbcTemplate jdbc, ApiKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
        seedAll();
    }

    /** Seeds what is missing for every configured tenant; safe to run any number of times. */
    public void seedAll() {
        for (String tenant : keys.tenants()) {
            int added = seed(jdbc, tenant, "reference/order-status/seed", ORDER_STATUSES)
                    + seed(jdbc, tenant, "reference/line-status/seed", LINE_STATUSES);
            if (added > 0) {
                LOG.info("Tenant {}: seeded {} default order and line statuses", tenant, added);
            }
        }
    }

    private static int seed(NamedParameterJdbcTemplate jdbc, String tenant, String sql, List<String> descriptions) {
        int added = 0;
        for (String description : descriptions) {
            try {
                added += jdbc.update(SqlFiles.get(sql), new MapSqlParameterSource()
                        .addValue("id", Ids.next())
                        .addValue("tenant", tenant)
                        .addValue("idRemote", description)
                        .addValue("description", description)
                        .addValue("now", Rows.param(Dates.now())));
            } catch (DuplicateKeyException anotherInstanceWasFaster) {
                // seeded concurrently by another hub instance: the row is there, which is all we need
            }
        }
        return added;
    }
}
