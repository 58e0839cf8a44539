package com.orderhub.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * An answer's document as what writes it to a JSON generator: a page of orders goes from its
 * rows to the response's bytes without a tree in between (XML and trees are made by writing
 * into a token buffer; see {@link ApiResponses#render(DocumentWriter, ResponseFormat)}).
 */
@FunctionalInterface
public interface DocumentWriter {

    void writeTo(JsonGenerator json) throws IOException;

    static DocumentWriter of(JsonNode document) {
        return json -> json.writeTree(document);
    }
}
