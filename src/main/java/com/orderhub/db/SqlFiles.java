package com.orderhub.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements the hub runs, one per file under {@code src/main/resources/sql/}, loaded once.
 * {@code SqlFiles.get("order/page-by-created")} is {@code sql/order/page-by-created.sql}.
 */
public final class SqlFiles {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlFiles() {
    }

    public static String get(String name) {
        return CACHE.computeIfAbsent(name, SqlFiles::load);
    }

    private static String load(String name) {
        String resource = "sql/" + name + ".sql";
        try (InputStream in = SqlFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing SQL file " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }
}
