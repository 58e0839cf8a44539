package com.orderhub.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** JSON unless the caller asks for XML by {@code ?format=xml} or prefers it in {@code Accept}. */
public enum ResponseFormat {
    JSON("application/json", "application/problem+json"),
    XML("application/xml", "application/problem+xml");

    private final String contentType;
    private final String problemContentType;

    ResponseFormat(String contentType, String problemContentType) {
        this.contentType = contentType;
        this.problemContentType = problemContentType;
    }

    public String contentType() {
        return contentType + ";charset=UTF-8";
    }

    public String problemContentType() {
        return problemContentType + ";charset=UTF-8";
    }

    /** Never fails: a bad {@code format} value is reported by {@link #requested}, in JSON. */
    public static ResponseFormat of(HttpServletRequest request) {
        try {
            return requested(request);
        } catch (ApiProblem e) {
            return JSON;
        }
    }

    public static ResponseFormat requested(HttpServletRequest request) {
        String format = request.getParameter("format");
        if (format != null) {
            return switch (format.toLowerCase()) {
                case "xml" -> XML;
                case "json" -> JSON;
                default -> throw ApiProblem.badRequest("Parameter format must be json or xml");
            };
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            MediaType.sortBySpecificityAndQuality(types);
            for (MediaType type : types) {
                if (type.getQualityValue() == 0) {
                    continue;
                }
                if (isXml(type)) {
                    return XML;
                }
                if (type.isWildcardType() || type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")) {
                    return JSON;
                }
            }
        } catch (InvalidMediaTypeException e) {
            return JSON;
        }
        return JSON;
    }

    private static boolean isXml(MediaType type) {
        return (type.getType().equals("application") || type.getType().equals("text"))
                && (type.getSubtype().equals("xml") || type.getSubtype().endsWith("+xml"));
    }
}
