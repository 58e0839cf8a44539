package com.orderhub.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code page} and {@code pageSize} of a list request, checked: page ≥ 1, 1 ≤ pageSize ≤ 1000. */
public record PageRequest(int page, int pageSize) {

    public static final int MAX_PAGE_SIZE = 1000;

    public static PageRequest of(String page, String pageSize) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        int p = parse(page, 1, 1, Integer.MAX_VALUE);
        if (p < 0) {
            errors.put("page", List.of("Parameter page must be an integer of at least 1"));
        }
        int s = parse(pageSize, 10, 1, MAX_PAGE_SIZE);
        if (s < 0) {
            errors.put("pageSize", List.of("Parameter pageSize must be an integer from 1 to " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(400, errors.values().iterator().next().get(0), errors);
        }
        return new PageRequest(p, s);
    }

    /** The value, its default when absent, or -1 when it is not an integer in range. */
    private static int parse(String text, int absent, int min, int max) {
        if (text == null) {
            return absent;
        }
        try {
            long value = Long.parseLong(text.trim());
            return value >= min && value <= max ? (int) value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public long offset() {
        return (long) (page - 1) * pageSize;
    }

    /** One row more than a page: its presence says whether a next page exists. */
    public int probeLimit() {
        return pageSize + 1;
    }
}
