package com.orderhub.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Renders documents in the negotiated format; used by Camel routes and servlet filters alike. */
public final class ApiResponses {

    private static final String PROBLEM_NAMESPACE = "urn:ietf:rfc:7807";

    private ApiResponses() {
    }

    public static byte[] render(JsonNode document, ResponseFormat format) {
        if (format == ResponseFormat.XML) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            XmlTree.write(document, "export", null, out);
            return out.toByteArray();
        }
        return render(DocumentWriter.of(document), format);
    }

    /** JSON straight from the writer; XML from the tree the writer makes in a token buffer. */
    public static byte[] render(DocumentWriter document, ResponseFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            if (format == ResponseFormat.XML) {
                try (TokenBuffer buffer = new TokenBuffer(ApiJson.MAPPER, false)) {
                    document.writeTo(buffer);
                    XmlTree.write(ApiJson.MAPPER.readTree(buffer.asParser()), "export", null, out);
                }
            } else {
                try (JsonGenerator json = ApiJson.MAPPER.createGenerator(out)) {
                    document.writeTo(json);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the answer", e);
        }
        return out.toByteArray();
    }

    public static byte[] renderProblem(JsonNode problem, ResponseFormat format) {
        if (format == ResponseFormat.XML) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            XmlTree.write(problem, "problem", PROBLEM_NAMESPACE, out);
            return out.toByteArray();
        }
        return render(problem, ResponseFormat.JSON);
    }

    /** Writes a problem straight to the servlet response (filters and the error page). */
    public static void writeProblem(HttpServletRequest request, HttpServletResponse response, ApiProblem problem,
            String instance) throws IOException {
        ResponseFormat format = ResponseFormat.of(request);
        byte[] body = renderProblem(Problems.document(problem, instance), format);
        response.setStatus(problem.status());
        response.setContentType(format.problemContentType());
        if (problem.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", String.valueOf(problem.retryAfterSeconds()));
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
