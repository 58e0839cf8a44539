package com.orderhub.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything under {@code orderhub.*}. Bound and validated at start-up, so a typo or a
 * half-configured key stops the hub before it serves a request.
 */
@Validated
@ConfigurationProperties(prefix = "orderhub")
public record OrderHubProperties(
        @NotBlank @DefaultValue("./data") String dataDir,
        @NotBlank @DefaultValue("routes") String routesDir,
        @NotBlank @DefaultValue("mappings") String mappingsDir,
        @Valid @NotNull @DefaultValue Api api,
        @Valid @NotNull @DefaultValue Security security,
        @Valid @NotNull @DefaultValue Queue queue,
        @Valid @NotNull @DefaultValue Map<String, Partner> partners,
        @Valid @NotNull @DefaultValue Intake intake,
        @Valid @NotNull @DefaultValue Ingest ingest,
        @Valid @NotNull @DefaultValue Exports export,
        @Valid @NotNull @DefaultValue Reads reads) {

    /**
     * The order-intake route: {@code consumers} threads storing batches at once, each holding
     * up to {@code prefetch} RabbitMQ messages unacknowledged; a batch the database could not
     * take is retried {@code maxRedeliveries} times, after {@code redeliveryDelayMs} doubled each
     * time up to {@code maxRedeliveryDelayMs}; an entry still pending {@code stuckAfter} after it
     * was queued, with the queue empty, is queued again (looked for every {@code stuckCheckMs}).
     * The routes read the same keys as placeholders ({@code {{orderhub.intake.max-redeliveries}}}).
     */
    public record Intake(
            @Min(1) @Max(64) @DefaultValue("2") int consumers,
            @Min(1) @Max(1000) @DefaultValue("10") int prefetch,
            @Min(0) @DefaultValue("6") int maxRedeliveries,
            @Min(1) @DefaultValue("500") long redeliveryDelayMs,
            @Min(1) @DefaultValue("30000") long maxRedeliveryDelayMs,
            @NotNull @DefaultValue("15m") java.time.Duration stuckAfter,
            @Min(100) @DefaultValue("60000") long stuckCheckMs) {
    }

    /**
     * Files from ERPs: an instance holds a file it is taking (or whose result it writes) for
     * {@code lease}, renewed every third of it; inboxes are listed every {@code pollMs}, finished
     * files looked for every {@code resultPollMs}; a mapping reads at most
     * {@code maxMappedFileBytes} of a file.
     */
    public record Ingest(
            @NotNull @DefaultValue("30s") java.time.Duration lease,
            @Min(10) @DefaultValue("1000") long pollMs,
            @Min(10) @DefaultValue("2000") long resultPollMs,
            @Min(1024) @DefaultValue("16777216") long maxMappedFileBytes) {
    }

    /**
     * Every partner's export: a run holds its partner for {@code leaseMs} at most (an instance
     * that dies mid-run frees it then); delivered changes are deleted {@code pruneChunk} a
     * statement, each its own transaction.
     */
    public record Exports(
            @Min(1000) @DefaultValue("600000") long leaseMs,
            @Min(1) @DefaultValue("10000") int pruneChunk) {
    }

    /**
     * The order lists: {@code updatedFrom}'s totalItems counts at most {@code countLimit} index
     * entries on each side of its date before it counts them all; the order tally's new rows are
     * folded into each tenant's counts every {@code tallyFoldMs}; a {@code getOrder} page with
     * fewer than {@code directOffset} orders before it passes them (OFFSET), a deeper one finds
     * its place by the day, minute and second counts first.
     */
    public record Reads(
            @Min(1) @DefaultValue("50000") long countLimit,
            @Min(10) @DefaultValue("1000") long tallyFoldMs,
            @Min(0) @DefaultValue("1000") long directOffset) {
    }

    /**
     * An ERP that drops order files (docs/files-from-erps.md): whose orders they are, where it drops them (a Camel
     * endpoint URI: {@code file:}, {@code sftp://}, {@code ftp://}), where its result files go,
     * the mapping folder of its own format, if it has one, and how the hub knows that a file it
     * uploads is complete ({@code ready}).
     */
    public record Partner(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String tenant,
            @NotBlank String inboxUri,
            @NotBlank String resultsUri,
            String mapping,
            @Valid Export export,
            @Valid @NotNull @DefaultValue Ready ready) {
    }

    /**
     * When a file in a partner's inbox is complete. Always: its size and modification time have
     * not changed between two looks {@code stableFor} apart (longer than any pause of the ERP's
     * upload). Where the ERP follows a convention, also: it writes a marker once the file is
     * complete ({@code doneFile}, a name such as {@code $simple{file:name}.done}, deleted with the
     * file), or it uploads under a temporary name, starting with {@code tempPrefix} or ending
     * with {@code tempSuffix}, and renames the file when complete (names the inbox never takes).
     */
    public record Ready(
            @NotNull @DefaultValue("5s") java.time.Duration stableFor,
            String doneFile,
            @Pattern(regexp = "[^/\\\\]*", message = "must be a name's start, without a folder") String tempPrefix,
            @Pattern(regexp = "[^/\\\\]*", message = "must be a name's end, without a folder") String tempSuffix) {

        public static final Ready DEFAULT = new Ready(java.time.Duration.ofSeconds(5), null, null, null);

        /** The names of files being uploaded under a temporary name, as a regular expression ("" for none). */
        public String temporaryNames() {
            List<String> names = new java.util.ArrayList<>();
            if (tempPrefix != null && !tempPrefix.isEmpty()) {
                names.add(java.util.regex.Pattern.quote(tempPrefix) + ".*");
            }
            if (tempSuffix != null && !tempSuffix.isEmpty()) {
                names.add(".*" + java.util.regex.Pattern.quote(tempSuffix));
            }
            return String.join("|", names);
        }
    }

    /**
     * A partner's deltas (docs/deltas.md): on its Quartz {@code cron}, the orders changed since its last
     * export go to {@code outboxUri} (a Camel endpoint: {@code file:}, {@code sftp://}) as a file,
     * and/or to {@code webhookUrl} as a POST signed with {@code hmacSecret}. A run sends at most
     * {@code maxOrdersPerRun} orders; the rest follow in the next runs.
     */
    public record Export(
            @NotBlank String cron,
            String outboxUri,
            String webhookUrl,
            String hmacSecret,
            @Min(100) @DefaultValue("10000") long webhookTimeoutMs,
            @Min(1) @DefaultValue("50000") int maxOrdersPerRun) {
    }

    /**
     * Where accepted orders wait for the intake. {@code seda}: an in-JVM queue (embedded profile),
     * published to at {@code publishUri}. {@code rabbitmq}: the durable exchange and queue named
     * {@code name} (and {@code name}.dead for dead letters), declared by the hub. The intake route
     * consumes from {@code consumeUri} either way. Orders of one message travel in batches of
     * at most {@code batchSize}, and the intake stores a batch in one transaction. {@code type}
     * is the RabbitMQ queues' kind: {@code quorum} (replicated on every node of a cluster, so
     * losing a node loses no order; production's) or {@code classic} (on one node).
     * {@code settleAfterReconnect}: how long orders wait after the hub's publishing connection to
     * RabbitMQ was made again (a restarted or failed-over broker) before they are published.
     */
    public record Queue(
            @NotNull @DefaultValue("seda") Kind kind,
            @NotNull @DefaultValue("classic") Type type,
            String publishUri,
            @NotBlank String consumeUri,
            @NotBlank @DefaultValue("orderhub.orders") String name,
            @Min(100) @DefaultValue("10000") long confirmTimeoutMs,
            @Min(1) @Max(1000) @DefaultValue("100") int batchSize,
            @NotNull @DefaultValue("2s") java.time.Duration settleAfterReconnect) {

        public enum Kind { seda, rabbitmq }

        public enum Type { classic, quorum }

        public String deadLetterName() {
            return name + ".dead";
        }
    }

    /**
     * The API's limits. Every key has a token bucket ({@code rateLimit}, or its own): it holds
     * {@code burst} requests and gains {@code requests} every {@code per}. The buckets live in
     * this instance's memory or, with {@code rateLimitStore: database}, in PostgreSQL, where every
     * instance draws from the same one. On SIGTERM the API keeps answering for {@code drainOnStop}
     * with readiness DOWN, so a load balancer sends its calls elsewhere before the port closes.
     */
    public record Api(
            @NotBlank @DefaultValue("/api/database/v1") String basePath,
            @Min(1024) @DefaultValue("16777216") long maxBodyBytes,
            @Min(1) @Max(100000) @DefaultValue("1000") int maxItems,
            @Valid @NotNull @DefaultValue RateLimit rateLimit,
            @NotNull @DefaultValue("memory") RateLimitStore rateLimitStore,
            @Valid @NotNull @DefaultValue Cors cors,
            @NotNull @DefaultValue("0s") java.time.Duration drainOnStop) {
    }

    /**
     * Browser access from other origins: none unless {@code allowedOrigins} names some (exact
     * origins such as {@code https://shop.example.com}, or patterns such as
     * {@code https://*.example.com}); a preflight's answer may be kept for {@code maxAge}.
     */
    public record Cors(
            @NotNull @DefaultValue List<String> allowedOrigins,
            @NotNull @DefaultValue("1h") java.time.Duration maxAge) {

        public boolean enabled() {
            return !allowedOrigins.isEmpty();
        }
    }

    public record RateLimit(
            @Min(1) @DefaultValue("50") long requests,
            @NotNull @DefaultValue("1s") java.time.Duration per,
            @Min(1) @DefaultValue("100") long burst) {
    }

    public enum RateLimitStore { memory, database }

    public record Security(@Valid @DefaultValue List<ApiKey> apiKeys) {
    }

    /**
     * One API key: either the plain {@code key} or its hex SHA-256 in {@code keySha256}.
     * The tenant is the seed's "connection": every row the key reads or writes is the tenant's.
     */
    public record ApiKey(
            String key,
            @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits (SHA-256)") String keySha256,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "must be 1 to 64 letters, digits, '.', '_' or '-'") String tenant,
            @NotNull @DefaultValue({"read"}) Set<Scope> scopes,
            @Valid RateLimit rateLimit) {
    }

    public enum Scope { read, write }
}
