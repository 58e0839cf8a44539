package com.orderhub.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Reads a write request's body: JSON only (415 otherwise), at most {@code maxBytes} (413), a
 * JSON array of objects or a single object taken as an array of one, at most {@code maxItems}
 * of them (413). Malformed JSON is a 400 that says where it broke.
 */
public final class JsonBody {

    private JsonBody() {
    }

    public static List<Fields> items(ApiRequest request, long maxBytes, int maxItems, FieldErrors errors) {
        return items(request, maxBytes, maxItems, "items", errors);
    }

    /** As {@link #items(ApiRequest, long, int, FieldErrors)}, naming what the items are in the 413. */
    public static List<Fields> items(ApiRequest request, long maxBytes, int maxItems, String noun, FieldErrors errors) {
        JsonNode root = read(request, maxBytes);
        List<JsonNode> nodes = new ArrayList<>();
        if (root == null || root.isMissingNode()) {
            throw ApiProblem.badRequest("Request body is empty; send a JSON array of objects");
        } else if (root.isObject()) {
            nodes.add(root);
        } else if (root.isArray()) {
            root.forEach(nodes::add);
        } else {
            throw ApiProblem.badRequest("Request body must be a JSON array of objects or a single object");
        }
        if (nodes.isEmpty()) {
            throw ApiProblem.badRequest("Request body must hold at least one item");
        }
        if (nodes.size() > maxItems) {
            throw new ApiProblem(413, "Request body holds " + nodes.size() + " " + noun + "; the limit is " + maxItems);
        }
        List<Fields> items = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).isObject()) {
                items.add(new Fields(nodes.get(i), "[" + i + "]", errors));
            } else {
                errors.add("[" + i + "]", "Item " + i + " must be a JSON object");
            }
        }
        return items;
    }

    /** A body that must be one JSON object (an update). */
    public static Fields object(ApiRequest request, long maxBytes, FieldErrors errors) {
        JsonNode root = read(request, maxBytes);
        if (root == null || !root.isObject()) {
            throw ApiProblem.badRequest("Request body must be a JSON object");
        }
        return new Fields(root, "", errors);
    }

    private static JsonNode read(ApiRequest request, long maxBytes) {
        checkContentType(request.http().getContentType());
        if (request.http().getContentLengthLong() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return parse(request.exchange().getIn().getBody(InputStream.class), maxBytes);
    }

    private static void checkContentType(String contentType) {
        boolean json = false;
        if (contentType != null) {
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                json = type.getType().equals("application")
                        && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
            } catch (InvalidMediaTypeException e) {
                json = false;
            }
        }
        if (!json) {
            throw new ApiProblem(415, "Content-Type must be application/json, not "
                    + (contentType == null ? "missing" : contentType));
        }
    }

    private static JsonNode parse(InputStream body, long maxBytes) {
        if (body == null) {
            return null;
        }
        try (InputStream limited = new LimitedInputStream(body, maxBytes)) {
            return ApiJson.MAPPER.readTree(limited);
        } catch (LimitedInputStream.LimitExceeded e) {
            throw tooLarge(maxBytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ApiProblem.badRequest("Malformed JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw ApiProblem.badRequest("Request body could not be read: " + e.getMessage());
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static ApiProblem tooLarge(long maxBytes) {
        return new ApiProblem(413, "Request body exceeds the limit of " + (maxBytes >= 1 << 20
                ? (maxBytes >> 20) + " MiB" : maxBytes + " bytes"));
    }

    /** Stops reading past the limit, so a huge body is refused without being held in memory. */
    static final class LimitedInputStream extends java.io.FilterInputStream {
        static final class LimitExceeded extends IOException {
        }

        private long remaining;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --remaining < 0) {
                throw new LimitExceeded();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (remaining -= n) < 0) {
                throw new LimitExceeded();
            }
            return n;
        }
    }
}
