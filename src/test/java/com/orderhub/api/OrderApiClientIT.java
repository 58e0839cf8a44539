package com.orderhub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.orderhub.client.ApiClient;
import com.orderhub.client.ApiException;
import com.orderhub.client.ApiResponse;
import com.orderhub.client.api.MessagesApi;
import com.orderhub.client.api.OrdersApi;
import com.orderhub.client.api.ReferenceDataApi;
import com.orderhub.client.model.Accepted;
import com.orderhub.client.model.BusinessPartnerIn;
import com.orderhub.client.model.CompanyIn;
import com.orderhub.client.model.DiscountTypeIn;
import com.orderhub.client.model.Entry;
import com.orderhub.client.model.HeaderDiscountIn;
import com.orderhub.client.model.LineDetailIn;
import com.orderhub.client.model.LineIn;
import com.orderhub.client.model.LocationIn;
import com.orderhub.client.model.Order;
import com.orderhub.client.model.OrderAnswer;
import com.orderhub.client.model.OrderCreate;
import com.orderhub.client.model.OrderUpdate;
import com.orderhub.client.model.ProductIn;
import com.orderhub.client.model.Role;
import com.orderhub.client.model.SeasonIn;
import com.orderhub.support.HubProcess;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Order API through a client generated from its OpenAPI document at build time
 * (openapi-generator's Java client, typed models, unmodified), against the packaged hub: what a
 * REST client's developer gets from the document alone.
 */
class OrderApiClientIT {

    @TempDir
    Path dataDir;

    @Test
    void aGeneratedClientCreatesReadsUpdatesAndDeletesAnOrder() throws Exception {
        int port = HubProcess.freePort();
        HubProcess hub = HubProcess.start(port, List.of("--orderhub.data-dir=" + dataDir), Map.of(),
                dataDir.resolve("hub.log"));
        try {
            ApiClient client = new ApiClient();
            client.updateBaseUri("http://localhost:" + port + "/api/database/v1");
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer demo-key"));
            referenceData(new ReferenceDataApi(client));
            OrdersApi orders = new OrdersApi(client);
            MessagesApi messages = new MessagesApi(client);

            Accepted accepted = orders.acceptOrders(List.of(order("GEN-1")), null, null);
            String statusPath = accepted.getStatusUrl().getPath();
            String messageId = statusPath.substring(statusPath.lastIndexOf('/') + 1);
            Entry entry = await().atMost(Duration.ofSeconds(30)).until(
                    () -> messages.getMessageStatus(messageId, null, null, null).getData().get(0),
                    e -> e.getStatus() == Entry.StatusEnum.COMPLETED);

            ApiResponse<OrderAnswer> read = orders.getOrderWithHttpInfo(entry.getId(), null);
            Order order = read.getData().getData();
            assertThat(order.getIdRemote()).isEqualTo("GEN-1");
            assertThat(order.getLines().get(0).getLineDetail().get(0).getPrice()).isEqualByComparingTo("39.7");
            String etag = read.getHeaders().get("etag").get(0);

            Order updated = orders.updateOrder(order.getId(), new OrderUpdate().observation("Deliver afternoons"),
                    etag, null).getData();
            assertThat(updated.getObservation()).isEqualTo("Deliver afternoons");
            assertThat(updated.getUpdatedAt()).isAfterOrEqualTo(order.getUpdatedAt());
            assertThatThrownBy(() -> orders.updateOrder(order.getId(), new OrderUpdate().observation("stale"), etag, null))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(412));

            assertThat(orders.deleteOrder("GEN-1", null).getMessage()).isEqualTo("Order GEN-1 deleted.");
            assertThatThrownBy(() -> orders.getOrder(order.getId(), null))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
        } finally {
            hub.stop();
        }
    }

    private static void referenceData(ReferenceDataApi api) throws ApiException {
        api.upsertCompanies(List.of(new CompanyIn().idRemote("CO-1").companyName("Moda Norte S.L.")), null);
        api.upsertBusinessPartners(List.of(
                new BusinessPartnerIn().idRemote("CL-1").companyId("CO-1").contactName("Boutique Alba")
                        .roles(List.of(Role.CLIENT))
                        .addLocationsItem(new LocationIn().idRemote("SHIP-1").address("Calle Mayor 1").shippingAddress(true))
                        .addLocationsItem(new LocationIn().idRemote("BILL-1").address("Gran Via 2").billingAddress(true)),
                new BusinessPartnerIn().idRemote("AG-1").companyId("CO-1").contactName("Iker")
                        .roles(List.of(Role.REPRESENTANT))), null);
        api.upsertProducts(List.of(new ProductIn().idRemote("PR-1").reference("A-100")), null);
        api.upsertSeasons(List.of(new SeasonIn().idRemote("SS26").description("Spring-Summer 2026")), null);
        api.upsertDiscountTypes(List.of(new DiscountTypeIn().idRemote("DT-1").name("Early payment")), null);
    }

    private static OrderCreate order(String idRemote) {
        return new OrderCreate().idRemote(idRemote).companyId("CO-1").clientId("CL-1").agentId("AG-1")
                .statusId("Pending").seasonId("SS26").dateOrder("2026-03-01 09:30:00")
                .grossAmount(new BigDecimal("79.4")).baseAmount(new BigDecimal("75.43"))
                .shippingAmount(new BigDecimal("8.8")).taxAmount(new BigDecimal("17.69"))
                .totalAmount(new BigDecimal("101.92")).totalQuantity(new BigDecimal("2"))
                .quantityServed(BigDecimal.ZERO).quantityPending(new BigDecimal("2"))
                .shippingAddressId("SHIP-1").billingAddressId("BILL-1")
                .addDiscountItem(new HeaderDiscountIn().idRemote(idRemote + "-HD").discountTypeId("DT-1").sequence(1)
                        .discount(new BigDecimal("5")).amountDiscount(new BigDecimal("3.97")).isHeader(true))
                .addLinesItem(new LineIn().idRemote(idRemote + "-L1").lineStatusId("Pending")
                        .quantity(new BigDecimal("2")).lineAmount(new BigDecimal("79.4"))
                        .addLineDetailItem(new LineDetailIn().idRemote(idRemote + "-L1-1").productId("PR-1")
                                .quantity(new BigDecimal("2")).price(new BigDecimal("39.7"))));
    }
}
