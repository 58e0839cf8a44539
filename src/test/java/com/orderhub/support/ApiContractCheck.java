package com.orderhub.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.orderhub.api.ApiDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An answer of the hub held to the OpenAPI document (Atlassian's swagger-request-validator): its
 * status, media type, headers and JSON body must be what the document says the operation answers,
 * so a field the document does not describe fails the test that met it. Requests are not checked:
 * the tests send malformed ones on purpose. Paths and methods the document does not name (the
 * tests of unknown endpoints) have nothing to be held to.
 */
final class ApiContractCheck {

    private static final Set<String> NOT_AN_OPERATION = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    private final OpenApiInteractionValidator validator;
    private final String base;

    ApiContractCheck(String base) {
        this.base = base;
        try (InputStream document = ApiDocument.class.getClassLoader().getResourceAsStream(ApiDocument.LOCATION)) {
            validator = OpenApiInteractionValidator
                    .createForInlineApiSpecification(new String(document.readAllBytes(), StandardCharsets.UTF_8))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void check(String method, String path, HttpResponse<String> response) {
        if (!path.startsWith(base + "/") || path.startsWith(base + "/openapi.")) {
            return;
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode())
                .withBody(response.body());
        response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), answer.build());
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR).toList();
        if (errors.stream().anyMatch(message -> NOT_AN_OPERATION.contains(message.getKey()))) {
            return;
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("The answer to " + method + " " + path + " (" + response.statusCode()
                    + ") breaks the OpenAPI document:\n" + errors.stream().map(ValidationReport.Message::toString)
                            .collect(Collectors.joining("\n")) + "\nbody: " + abbreviate(response.body()));
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "...";
    }
}
