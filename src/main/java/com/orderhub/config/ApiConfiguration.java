package com.orderhub.config;

import com.orderhub.api.ApiKeyFilter;
import com.orderhub.api.ApiKeys;
import com.orderhub.api.CrossOrigin;
import com.orderhub.api.RateLimits;
import com.orderhub.db.DatabaseCircuit;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.web.filter.CorsFilter;

@Configuration
public class ApiConfiguration implements org.springframework.web.servlet.config.annotation.WebMvcConfigurer {

    /** The API reference pages (Swagger UI on the served document) under a short address. */
    @Override
    public void addViewControllers(org.springframework.web.servlet.config.annotation.ViewControllerRegistry registry) {
        registry.addRedirectViewController("/api-docs", "/api-docs/index.html");
        registry.addRedirectViewController("/api-docs/", "/api-docs/index.html");
    }

    /**
     * The key check runs before anything else under the base path, but for the OpenAPI document:
     * it describes the API, not anyone's data, and client generators and the reference pages
     * fetch it without a key.
     */
    @Bean
    public FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeys keys, RateLimits limits,
            OrderHubProperties properties) {
        String base = properties.api().basePath();
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(keys, limits,
                java.util.Set.of(base + "/openapi.json", base + "/openapi.yaml")));
        registration.addUrlPatterns(properties.api().basePath() + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Before anything else under the base path: 503 with Retry-After while the routes are not running. */
    @Bean
    public FilterRegistrationBean<com.orderhub.api.StartGate> startGate(org.apache.camel.CamelContext camel,
            OrderHubProperties properties) {
        FilterRegistrationBean<com.orderhub.api.StartGate> registration = new FilterRegistrationBean<>(
                new com.orderhub.api.StartGate(camel));
        registration.addUrlPatterns(properties.api().basePath() + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Cross-origin answers and preflights, ahead of the key check; only when origins are configured. */
    @Bean
    public FilterRegistrationBean<CorsFilter> crossOriginFilter(OrderHubProperties properties) {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(
                CrossOrigin.filter(properties.api().cors()));
        registration.addUrlPatterns(properties.api().basePath() + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.setEnabled(properties.api().cors().enabled());
        return registration;
    }

    /** Each key's token bucket: in this instance's memory, or in the database every instance shares. */
    @Bean
    public RateLimits rateLimits(OrderHubProperties properties, ObjectProvider<BucketPool> bucketPool) {
        return properties.api().rateLimitStore() == OrderHubProperties.RateLimitStore.database
                ? RateLimits.inDatabase(bucketPool.getObject().dataSource())
                : RateLimits.inMemory();
    }

    /**
     * The buckets' own small pool on the hub's database, committing without waiting for the WAL
     * flush: every request updates its key's row under a row lock, and waiting for the disk while
     * holding it would queue the key's concurrent requests behind each other's fsync. A crash can
     * at most forget the last milliseconds of spent tokens. Closed with the context.
     */
    @Bean
    @Lazy
    public BucketPool bucketPool(DataSource dataSource, DatabaseCircuit circuit) throws SQLException {
        if (!dataSource.isWrapperFor(HikariDataSource.class)) {
            return new BucketPool(dataSource, null);
        }
        HikariDataSource hub = dataSource.unwrap(HikariDataSource.class);
        HikariConfig config = new HikariConfig();
        hub.copyStateTo(config);
        config.setPoolName("orderhub-rate-limits");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionInitSql("SET synchronous_commit = off");
        HikariDataSource pool = new HikariDataSource(config);
        // through the same circuit: a request would otherwise wait out this pool before the API's
        return new BucketPool(circuit.guard(pool), pool);
    }

    /** The rate limits' connections, and the pool to close if they have one of their own. */
    public record BucketPool(DataSource dataSource, HikariDataSource own) implements AutoCloseable {
        @Override
        public void close() {
            if (own != null) {
                own.close();
            }
        }
    }

    /**
     * The routes are read from the file system; started from another folder the hub would come
     * up with no API at all, so say so and stop instead.
     */
    @Bean
    public RoutesFolder routesFolder(OrderHubProperties properties) {
        Path folder = Path.of(properties.routesDir()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(folder.resolve("rest-api.yaml"))) {
            throw new IllegalStateException("No routes in " + folder + " (rest-api.yaml is missing): start the hub "
                    + "from the project folder or set orderhub.routes-dir to the folder holding the route files");
        }
        return new RoutesFolder(folder);
    }

    public record RoutesFolder(Path path) {
    }
}
