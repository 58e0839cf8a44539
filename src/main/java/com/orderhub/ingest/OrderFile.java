package com.orderhub.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.api.ApiJson;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A file of orders in the create format (a JSON array of order objects), read as a stream: one
 * order in memory at a time, whatever the size of the file.
 */
public final class OrderFile {

    private OrderFile() {
    }

    /** Reads the whole file once without keeping anything: the number of orders, or why it is not well-formed. */
    public static int check(File file) {
        int index = 0;
        try (JsonParser parser = ApiJson.MAPPER.createParser(file)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new FileRejected("The file is not a JSON array of orders" + at(parser.currentLocation()));
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token != JsonToken.START_OBJECT) {
                    throw new FileRejected("Order " + index + " is not a JSON object" + at(parser.currentLocation()));
                }
                parser.skipChildren();
                index++;
            }
            if (parser.nextToken() != null) {
                throw new FileRejected("Unexpected content after the array" + at(parser.currentLocation()));
            }
            return index;
        } catch (JsonProcessingException e) {
            throw new FileRejected("Malformed JSON" + at(e.getLocation()) + " (in order " + index + "): "
                    + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** An order of a file and its place in it. */
    public record Indexed(int index, JsonNode order) {
    }

    /**
     * The orders from index {@code from} on, {@code size} at a time, read as the caller asks for
     * them (the file's splitter pulls one chunk, queues it, then pulls the next); the file must
     * have passed {@link #check}. Closing it closes the file.
     */
    public static Chunks chunks(File file, int from, int size) {
        try {
            return new Chunks(file, from, size);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    public static final class Chunks implements Iterator<List<Indexed>>, Closeable {
        private final File file;
        private final JsonParser parser;
        private final int size;
        private int index;
        private boolean done;

        private Chunks(File file, int from, int size) throws IOException {
            this.file = file;
            this.size = size;
            this.parser = ApiJson.MAPPER.createParser(file);
            try {
                parser.nextToken(); // the array, as check saw it
                while (index < from && next(false) != null) {
                    index++;
                }
            } catch (IOException | RuntimeException e) {
                parser.close();
                throw e;
            }
        }

        /** The next order's object token, read (or passed over), or null at the end of the array. */
        private JsonNode next(boolean read) throws IOException {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                done = true;
                return null;
            }
            if (!read) {
                parser.skipChildren();
                return ApiJson.MAPPER.nullNode();
            }
            return parser.readValueAsTree();
        }

        @Override
        public boolean hasNext() {
            return !done && peek();
        }

        private JsonNode peeked;

        private boolean peek() {
            if (peeked == null && !done) {
                try {
                    peeked = next(true);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read " + file, e);
                }
            }
            return peeked != null;
        }

        @Override
        public List<Indexed> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            List<Indexed> chunk = new ArrayList<>(size);
            while (chunk.size() < size && peek()) {
                chunk.add(new Indexed(index++, peeked));
                peeked = null;
            }
            return chunk;
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
