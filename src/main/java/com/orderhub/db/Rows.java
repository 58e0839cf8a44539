package com.orderhub.db;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Column readers that behave the same on H2 and PostgreSQL. */
public final class Rows {

    private Rows() {
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs, rs.findColumn(column));
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** A bound value for a TIMESTAMP WITH TIME ZONE parameter. */
    public static OffsetDateTime param(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    /** Decimals as callers wrote them: 12.5, not 12.5000. */
    public static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : plain(value);
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    /**
     * As {@link #decimal}, as plain text, straight from the column's text: a page of orders has
     * hundreds of decimals, and making each a BigDecimal to strip its zeros cost more than its text.
     */
    public static String decimalText(ResultSet rs, int column) throws SQLException {
        String text = rs.getString(column);
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != '-') {
                // an exponent, or no number at all (NaN): what the BigDecimal makes of it, or its error
                return plain(rs.getBigDecimal(column)).toPlainString();
            }
        }
        int dot = text.indexOf('.');
        if (dot < 0) {
            return text;
        }
        int end = text.length();
        while (end > dot + 1 && text.charAt(end - 1) == '0') {
            end--;
        }
        return text.substring(0, end == dot + 1 ? dot : end);
    }

    public static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

}
