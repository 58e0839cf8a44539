package com.orderhub.api;

import com.orderhub.config.OrderHubProperties;
import com.orderhub.config.OrderHubProperties.ApiKey;
import com.orderhub.config.OrderHubProperties.RateLimit;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The configured API keys, kept only as SHA-256 digests. A presented key is hashed and compared
 * with every digest in constant time, so neither timing nor logs give a key away.
 */
@Component
public class ApiKeys {

    public static final String DEMO_KEY = "demo-key";

    private record Entry(byte[] digest, ApiCaller caller, boolean demo) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public ApiKeys(OrderHubProperties properties) {
        List<ApiKey> keys = properties.security().apiKeys();
        for (int i = 0; i < keys.size(); i++) {
            ApiKey key = keys.get(i);
            boolean plain = key.key() != null && !key.key().isBlank();
            boolean hashed = key.keySha256() != null && !key.keySha256().isBlank();
            if (plain == hashed) {
                throw new IllegalStateException("orderhub.security.api-keys[" + i
                        + "] needs exactly one of 'key' (plain) or 'key-sha256' (hex SHA-256 of the key)");
            }
            byte[] digest = plain ? Digests.sha256(key.key()) : HexFormat.of().parseHex(key.keySha256().toLowerCase());
            String fingerprint = HexFormat.of().formatHex(digest).substring(0, 8);
            RateLimit limit = key.rateLimit() != null ? key.rateLimit() : properties.api().rateLimit();
            entries.add(new Entry(digest, new ApiCaller(key.tenant(), Set.copyOf(key.scopes()), fingerprint, limit),
                    plain && DEMO_KEY.equals(key.key())));
        }
    }

    /** The caller a presented key belongs to; every entry is compared, whatever matches first. */
    public Optional<ApiCaller> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = Digests.sha256(presented);
        ApiCaller found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest) && found == null) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    public List<ApiCaller> callers() {
        return entries.stream().map(Entry::caller).toList();
    }

    public Set<String> tenants() {
        Set<String> tenants = new LinkedHashSet<>();
        entries.forEach(e -> tenants.add(e.caller().tenant()));
        return tenants;
    }

    public Optional<ApiCaller> demoKey() {
        return entries.stream().filter(Entry::demo).map(Entry::caller).findFirst();
    }
}
