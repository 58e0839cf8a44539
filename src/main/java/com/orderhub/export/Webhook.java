package com.orderhub.export;

import com.orderhub.config.OrderHubProperties.Export;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The webhook delivery of an export (docs/deltas.md): the document POSTed to the partner's URL, with
 * {@code X-Signature: sha256=<hex HMAC-SHA256 of the body>} and the time it was sent. Only a 2xx
 * answer within the timeout counts as delivered. The body is signed and sent from the file, so
 * a large delta is never a string in memory.
 */
@Component
public class Webhook {

    public static final String SIGNATURE = "X-Signature";
    public static final String TIMESTAMP = "X-OrderHub-Timestamp";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public void post(String partner, Export export, Path body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(export.webhookUrl()))
                    .timeout(Duration.ofMillis(export.webhookTimeoutMs()))
                    .header("Content-Type", "application/json")
                    .header(SIGNATURE, "sha256=" + sign(export.hmacSecret(), body))
                    .header(TIMESTAMP, Instant.now().toString())
                    .POST(HttpRequest.BodyPublishers.ofFile(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Webhook of partner " + partner + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Webhook of partner " + partner + " not reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Webhook of partner " + partner + " interrupted", e);
        }
    }

    /** Hex HMAC-SHA256 of the file's bytes, read a block at a time. */
    static String sign(String secret, Path body) throws IOException {
        Mac mac = mac(secret);
        try (var in = Files.newInputStream(body)) {
            byte[] block = new byte[64 * 1024];
            for (int n = in.read(block); n > 0; n = in.read(block)) {
                mac.update(block, 0, n);
            }
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** For receivers and tests: whether a body carries the signature the secret gives it. */
    public static boolean verifies(String secret, byte[] body, String signature) {
        byte[] expected = ("sha256=" + HexFormat.of().formatHex(mac(secret).doFinal(body))).getBytes(US_ASCII);
        return signature != null && MessageDigest.isEqual(expected, signature.getBytes(US_ASCII));
    }

    private static Mac mac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
