package com.orderhub.db;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.namedparam.AbstractSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

/**
 * A SQL file's statement with JDBC's placeholders in place of its named parameters, and the
 * names in placeholder order (a name used twice fills two placeholders). For callers that bind
 * by position: a large batch without a parameter map per row, or a trigger's plain connection.
 * The file is parsed once, by Spring's own parser, so comments and quoted text are respected.
 */
public record PositionalSql(String sql, List<String> names) {

    private static final Map<String, PositionalSql> CACHE = new ConcurrentHashMap<>();

    /** {@code PositionalSql.of("order/insert")} is {@code sql/order/insert.sql}, by position. */
    public static PositionalSql of(String file) {
        return CACHE.computeIfAbsent(file, PositionalSql::parse);
    }

    private static PositionalSql parse(String file) {
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(SqlFiles.get(file));
        // each placeholder's value is its own name: that lists the names in placeholder order
        Object[] names = NamedParameterUtils.buildValueArray(parsed, new AbstractSqlParameterSource() {
            @Override
            public boolean hasValue(String name) {
                return true;
            }

            @Override
            public Object getValue(String name) {
                return name;
            }
        }, null);
        return new PositionalSql(NamedParameterUtils.substituteNamedParameters(parsed, null),
                Arrays.stream(names).map(String::valueOf).toList());
    }
}
