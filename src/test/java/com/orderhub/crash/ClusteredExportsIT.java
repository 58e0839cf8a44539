package com.orderhub.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.orderhub.support.HubProcess;
import com.orderhub.support.ProductionSetting;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two production hubs on one PostgreSQL schema schedule the same partner's export every second:
 * Quartz's clustered job store gives each slot to one of them, so every slot runs once, none is
 * lost and no scheduled run finds the other's lease. The hub that was firing is then killed
 * (SIGKILL); the other notices through Quartz's cluster check-ins and runs the schedule on its
 * own within a bounded time, still once per slot.
 */
class ClusteredExportsIT {

    /** A kill is noticed after the dead hub's check-in interval and Quartz's 7.5 s grace, then the held slot runs. */
    private static final Duration TAKE_OVER = Duration.ofSeconds(30);
    private static final int SLOTS = 10;
    private static final Pattern SLOT_RUN = Pattern.compile(
            "(?m)^(\\S+)\\s+DEBUG .*Export of partner erp: the run of the slot at (\\S+)$");
    private static final Pattern BUSY = Pattern.compile(
            "(?m)^orderhub_export_runs_total\\{outcome=\"busy\",partner=\"erp\",trigger=\"schedule\"} (\\S+)$");

    @TempDir
    Path dir;

    /** One run of a slot: which hub, when it started (its log line) and the slot it was for. */
    private record SlotRun(String hub, Instant at, Instant slot) {
    }

    @Test
    void eachSlotRunsOnceOnOneInstanceAndTheOtherTakesOverAfterAKill() throws Exception {
        ProductionSetting setting = new ProductionSetting("cluster", "cluster-key");
        Map<String, String> env = setting.env();
        env.putAll(Map.of(
                "ORDERHUB_PARTNERS_ERP_TENANT", "demo",
                "ORDERHUB_PARTNERS_ERP_INBOXURI", "file:" + dir.resolve("inbox"),
                "ORDERHUB_PARTNERS_ERP_RESULTSURI", "file:" + dir.resolve("results"),
                "ORDERHUB_PARTNERS_ERP_EXPORT_CRON", "* * * * * ?",
                "ORDERHUB_PARTNERS_ERP_EXPORT_OUTBOXURI", "file:" + dir.resolve("outbox")));
        List<String> args = List.of(ProductionSetting.ARGS.get(0),
                "--logging.level.com.orderhub.export.DeltaExports=DEBUG",
                // a run killed mid-way frees the partner before Quartz notices the kill, so the
                // lease cannot be what holds the survivor's runs back
                "--orderhub.export.lease-ms=3000");
        Map<String, Integer> ports = Map.of("a", HubProcess.freePort(), "b", HubProcess.freePort());
        Map<String, HubProcess> hubs = new HashMap<>();
        try {
            hubs.put("a", HubProcess.start(ports.get("a"), args, env, dir.resolve("hub-a.log")));
            hubs.put("b", HubProcess.start(ports.get("b"), args, env, dir.resolve("hub-b.log")));
            Instant bothUp = Instant.now();

            await().atMost(Duration.ofSeconds(SLOTS + 20)).pollInterval(Duration.ofMillis(500))
                    .until(() -> runs(hubs).stream().filter(r -> r.slot().isAfter(bothUp)).count() >= SLOTS);
            List<Instant> together = runs(hubs).stream().map(SlotRun::slot).filter(bothUp::isBefore).toList();
            assertThat(together).as("each slot run on one hub only").doesNotHaveDuplicates();
            assertEverySecond(together, "no slot lost while both hubs schedule");
            for (String hub : hubs.keySet()) {
                assertThat(busyScheduledRuns(ports.get(hub))).as("scheduled runs of hub %s found busy", hub).isZero();
            }

            SlotRun latest = runs(hubs).stream().reduce((x, y) -> y.slot().isAfter(x.slot()) ? y : x).orElseThrow();
            String killed = latest.hub();
            String survivor = killed.equals("a") ? "b" : "a";
            hubs.get(killed).kill();
            Instant killedAt = Instant.now();
            Instant lastBeforeKill = runs(hubs).stream().map(SlotRun::slot).max(Instant::compareTo).orElseThrow();

            await().atMost(TAKE_OVER).pollInterval(Duration.ofMillis(250))
                    .until(() -> runs(hubs).stream().anyMatch(r -> r.hub().equals(survivor) && r.at().isAfter(killedAt)));
            SlotRun takenOver = runs(hubs).stream()
                    .filter(r -> r.hub().equals(survivor) && r.at().isAfter(killedAt)).findFirst().orElseThrow();
            System.out.printf("Hub %s killed at %s (last slot %s); hub %s ran slot %s at %s, %d ms after the kill%n",
                    killed, killedAt, lastBeforeKill, survivor, takenOver.slot(), takenOver.at(),
                    Duration.between(killedAt, takenOver.at()).toMillis());
            assertThat(Files.readString(dir.resolve("hub-" + survivor + ".log")))
                    .as("the survivor's Quartz noticed the killed hub")
                    .contains("ClusterManager: detected 1 failed or restarted instances");

            await().atMost(Duration.ofSeconds(SLOTS + 10)).pollInterval(Duration.ofMillis(500))
                    .until(() -> runs(hubs).stream().filter(r -> r.slot().isAfter(takenOver.slot())).count() >= SLOTS / 2);
            List<SlotRun> all = runs(hubs);
            assertThat(all.stream().map(SlotRun::slot).toList()).as("no slot run twice, before or after the kill")
                    .doesNotHaveDuplicates();
            List<Instant> alone = all.stream().map(SlotRun::slot).filter(takenOver.slot()::isBefore).toList();
            assertEverySecond(alone, "no slot lost once the survivor has taken over");
            assertThat(all.stream().filter(r -> r.slot().isAfter(lastBeforeKill)).map(SlotRun::hub))
                    .as("after the kill only the survivor runs the schedule").containsOnly(survivor);
            // the slot the killed hub held and the slot due when the survivor noticed may fire
            // together there: the lease lets one of them run (seen once in a CI run)
            assertThat(busyScheduledRuns(ports.get(survivor))).as("the survivor's scheduled runs found busy")
                    .isLessThanOrEqualTo(1);
        } finally {
            for (HubProcess hub : hubs.values()) {
                hub.stop();
            }
            for (String log : List.of("hub-a.log", "hub-b.log")) { // kept for a look after a failure
                if (Files.exists(dir.resolve(log))) {
                    Files.copy(dir.resolve(log), Path.of("target", "clustered-exports-" + log),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            setting.close();
        }
    }

    /** The scheduled runs both hubs have logged, in the order of their slots. */
    private List<SlotRun> runs(Map<String, HubProcess> hubs) throws Exception {
        List<SlotRun> runs = new ArrayList<>();
        for (String hub : List.of("a", "b")) {
            Path log = dir.resolve("hub-" + hub + ".log");
            if (!Files.exists(log)) {
                continue;
            }
            Matcher line = SLOT_RUN.matcher(Files.readString(log));
            while (line.find()) {
                runs.add(new SlotRun(hub, Instant.parse(line.group(1)), Instant.parse(line.group(2))));
            }
        }
        runs.sort((x, y) -> x.slot().compareTo(y.slot()));
        return runs;
    }

    /** The slots, in order, follow each other a second apart (the cron fires every second). */
    private static void assertEverySecond(List<Instant> slots, String what) {
        List<Instant> seconds = slots.stream().map(slot -> slot.truncatedTo(ChronoUnit.SECONDS)).sorted().toList();
        for (int i = 1; i < seconds.size(); i++) {
            assertThat(Duration.between(seconds.get(i - 1), seconds.get(i))).as("%s: %s", what, seconds)
                    .isEqualTo(Duration.ofSeconds(1));
        }
    }

    /** The hub's scheduled export runs of partner erp that found another run holding it. */
    private static double busyScheduledRuns(int port) throws Exception {
        String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher line = BUSY.matcher(scrape);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
