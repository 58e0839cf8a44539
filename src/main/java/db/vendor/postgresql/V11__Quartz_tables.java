package db.vendor.postgresql;

import java.nio.charset.StandardCharsets;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The tables of Quartz's JDBC job store, where the instances of a production hub share the
 * partners' export schedules (application-prod.yml). The script is the one the Quartz jar ships
 * for PostgreSQL, so the tables always match the Quartz the hub runs; they land in the schema
 * Flyway migrates (its connection's search_path), where the job store finds them through the
 * hub's DataSource. PostgreSQL only: the embedded H2 hub is one instance, and its schedule stays
 * in memory.
 */
public class V11__Quartz_tables extends BaseJavaMigration {

    static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

    @Override
    public void migrate(Context context) throws Exception {
        ScriptUtils.executeSqlScript(context.getConnection(), new ByteArrayResource(script().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The script without its closing COMMIT: Flyway runs a migration and records it in one
     * transaction, which a COMMIT halfway would split. Its DROP TABLE IF EXISTS statements find
     * nothing to drop: no hub had these tables before this migration.
     */
    static String script() throws java.io.IOException {
        String script = new ClassPathResource(SCRIPT, V11__Quartz_tables.class.getClassLoader())
                .getContentAsString(StandardCharsets.UTF_8);
        return script.replaceAll("(?im)^\\s*COMMIT\\s*;\\s*$", "");
    }
}
