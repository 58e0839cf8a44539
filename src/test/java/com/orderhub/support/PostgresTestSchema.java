package com.orderhub.support;

import jakarta.annotation.PreDestroy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;

/** Drops the test run's PostgreSQL schema when the test context closes. */
@TestConfiguration
@Profile("postgres")
public class PostgresTestSchema {

    private final JdbcTemplate jdbc;

    public PostgresTestSchema(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @PreDestroy
    void dropSchema() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + System.getProperty("orderhub.test.schema") + " CASCADE");
    }
}
