package com.orderhub.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orderhub.api.ApiJson;
import com.orderhub.api.FieldErrors;
import com.orderhub.api.Fields;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckedOrdersTest {

    private static final String ORDER = """
            {"idRemote": "ERP-1", "reference": "Ref \\"7\\"", "companyId": "C1", "clientId": "CL1", "agentId": "AG1",
             "statusId": "Pending", "shippingAddressId": "L1", "billingAddressId": "L2",
             "dateOrder": "1969-12-31T23:59:59.999999Z", "dateModified": "2026-03-01 09:30:00",
             "grossAmount": "12.50", "baseAmount": 100, "shippingAmount": 0.0001, "taxAmount": 123456789012345.9999,
             "totalAmount": 1E+3, "totalQuantity": 3, "quantityServed": 0, "quantityPending": 3, "isSale": false,
             "discount": [{"idRemote": "D1", "discountTypeId": "T1", "sequence": 2, "discount": 5, "amountDiscount": 1,
                           "isHeader": true}],
             "lines": [{"idRemote": "L-1", "lineStatusId": "Open", "observations": "ñandú €",
                        "discount": [{"idRemote": "LD1", "discount": 1.5, "amountDiscount": 0.25}],
                        "lineDetail": [{"idRemote": "X1", "productId": "P1", "quantity": 2, "price": 9.95}]},
                       {"idRemote": "L-2", "lineStatusId": "Open",
                        "lineDetail": [{"idRemote": "X2", "productId": "P2"}]}]}""";

    @Test
    void anOrderReadsBackAsItWasChecked() throws Exception {
        Draft checked = check(ORDER);
        String payload = CheckedOrders.write(checked);

        assertThat(payload).doesNotContain("idRemote").hasSizeLessThan(ORDER.length());
        Draft read = CheckedOrders.read(payload);
        assertSame(read, checked);
        // what the shape filled in travels too, and decimals keep their scale
        assertThat(read.get("isSale")).isEqualTo(false);
        assertThat(read.children("discount").get(0).get("isLine")).isEqualTo(false);
        assertThat(read.get("grossAmount")).isEqualTo(new BigDecimal("12.50"));
        assertThat(read.get("dateOrder")).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
        assertThat(read.get("dateDelivery")).isNull();
        assertThat(read.children("lines").get(1).children("discount")).isEmpty();
    }

    @Test
    void aPayloadThatIsNotACheckedOrderIsRefusedWithWhatIsWrong() {
        String payload = CheckedOrders.write(check(ORDER));

        assertThatThrownBy(() -> CheckedOrders.read(payload.replaceFirst("\"ERP-1\"", "7")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("idRemote is not of type ID");
        assertThatThrownBy(() -> CheckedOrders.read(payload + "[]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("text after the order");
        assertThatThrownBy(() -> CheckedOrders.read("[\"ERP-1\"]"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckedOrders.read(payload.substring(0, payload.length() / 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Draft check(String json) {
        FieldErrors errors = new FieldErrors();
        try {
            Draft draft = OrderShape.forCreate(new Fields(ApiJson.MAPPER.readTree(json), "", errors));
            assertThat(errors.isEmpty()).as("the test order is valid").isTrue();
            return draft;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertSame(Draft read, Draft checked) {
        assertThat(read.part()).isEqualTo(checked.part());
        assertThat(read.values()).isEqualTo(checked.values());
        for (String list : checked.part().lists()) {
            assertThat(read.children(list)).hasSameSizeAs(checked.children(list));
            for (int i = 0; i < checked.children(list).size(); i++) {
                assertSame(read.children(list).get(i), checked.children(list).get(i));
            }
        }
    }
}
