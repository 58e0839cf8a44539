package com.orderhub.export;

import com.orderhub.config.OrderHubProperties;
import com.orderhub.config.OrderHubProperties.Partner;
import com.orderhub.db.SqlFiles;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deletes the tenant's changes that every partner exporting its orders has received: each
 * export reads only the changes after its own watermark, so no export reads them again. The
 * partners are every export state of the tenant, so one taken out of this instance's
 * configuration (or known only to another instance) still holds back what it has not had; and
 * every partner configured here must have run once (a first run reads from the first change
 * kept). In chunks of their own transactions ({@code orderhub.export.prune-chunk}), so pruning a
 * long history holds no long locks. A failure is only logged: the delivery stands, and the next
 * one prunes what is left.
 */
@Component
public class ExportPruning {

    private static final Logger LOG = LoggerFactory.getLogger(ExportPruning.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final int pruneChunk;
    /** Partners not configured here that were found holding changes back, each warned of once. */
    private final Set<String> forgotten = ConcurrentHashMap.newKeySet();

    public ExportPruning(NamedParameterJdbcTemplate jdbc, OrderHubProperties properties) {
        this.jdbc = jdbc;
        this.pruneChunk = properties.export().pruneChunk();
    }

    /** After a delivery to one of the tenant's partners; {@code exporting} are this instance's. */
    void pruneDelivered(String tenant, Map<String, Partner> exporting) {
        try {
            Map<String, Long> watermarks = new HashMap<>();
            Set<String> untenanted = new LinkedHashSet<>();
            jdbc.query(SqlFiles.get("export/watermarks"), new MapSqlParameterSource("tenant", tenant), rs -> {
                watermarks.put(rs.getString("partner"), rs.getLong("watermark"));
                if (rs.getString("tenant") == null) {
                    untenanted.add(rs.getString("partner"));
                }
            });
            long upTo = Collections.min(watermarks.values());
            watermarks.forEach((name, watermark) -> {
                if ((untenanted.contains(name) || watermark == upTo) && !exporting.containsKey(name)
                        && forgotten.add(name)) {
                    LOG.warn("Partner {} exports nothing on this instance but its export state keeps delivered changes "
                            + "of tenant {}{}: delete its row in export_state if it is gone for good", name, tenant,
                            untenanted.contains(name) ? " and of every other (it names no tenant)" : "");
                }
            });
            boolean neverRun = exporting.entrySet().stream().anyMatch(partner ->
                    tenant.equals(partner.getValue().tenant()) && !watermarks.containsKey(partner.getKey()));
            if (neverRun || !untenanted.isEmpty()) {
                return;
            }
            MapSqlParameterSource params = new MapSqlParameterSource("tenant", tenant).addValue("upTo", upTo)
                    .addValue("limit", pruneChunk);
            long deleted = 0;
            int chunk;
            do {
                chunk = jdbc.update(SqlFiles.get("export/prune-changes"), params);
                deleted += chunk;
            } while (chunk == pruneChunk);
            if (deleted > 0) {
                LOG.info("Changes of tenant {} that its {} partners have received: {} deleted (up to change {})",
                        tenant, watermarks.size(), deleted, upTo);
            }
        } catch (DataAccessException e) {
            LOG.warn("Could not delete the changes of tenant {} that its partners have received; the next delivery "
                    + "tries again: {}", tenant, e.getMessage());
        }
    }
}
