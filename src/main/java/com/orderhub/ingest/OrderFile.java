package com.orderhub.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.api.ApiJson;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A file of orders in the create format (a JSON array of order objects), read as a stream: one
 * order in memory at a time, whatever the size of the file.
 */
public final class OrderFile {

    /** Receives the orders of a file one by one. */
    public interface Orders {
        void order(int index, JsonNode order);
    }

    private OrderFile() {
    }

    /** Reads the whole file once without keeping anything: the number of orders, or why it is not well-formed. */
    public static int check(File file) {
        return read(file, Integer.MAX_VALUE, (index, order) -> {
        });
    }

    /** Hands every order to the callback, in file order; the file must have passed {@link #check}. */
    public static int read(File file, Orders orders) {
        return read(file, 0, orders);
    }

    /** Hands the orders from index {@code from} on to the callback, passing over the ones before it unread. */
    public static int read(File file, int from, Orders orders) {
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
                if (index < from) {
                    parser.skipChildren();
                } else {
                    orders.order(index, parser.readValueAsTree());
                }
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

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
