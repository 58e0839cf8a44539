package com.orderhub.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class RowsTest {

    /** A decimal's text, taken from the column's text, is what the BigDecimal route made of it. */
    @Test
    void decimalTextIsTheDecimalWrittenPlainly() throws SQLException {
        assertThat(decimalText("12.5000")).isEqualTo("12.5");
        assertThat(decimalText("1200.0000")).isEqualTo("1200");
        assertThat(decimalText("0.0000")).isEqualTo("0");
        assertThat(decimalText("-0.0500")).isEqualTo("-0.05");
        assertThat(decimalText("19.5")).isEqualTo("19.5");
        assertThat(decimalText("7")).isEqualTo("7");
        assertThat(decimalText(null)).isNull();
    }

    private static String decimalText(String value) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:rows");
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("SELECT CAST(" + (value == null ? "NULL" : "'" + value + "'")
                        + " AS DECIMAL(19, 4)) AS amount")) {
            rs.next();
            String text = Rows.decimalText(rs, 1);
            String viaBigDecimal = rs.getBigDecimal("amount") == null ? null : Rows.decimal(rs, "amount").toPlainString();
            assertThat(text).isEqualTo(viaBigDecimal);
            return text;
        }
    }
}
