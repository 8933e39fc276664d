package io.m365vault.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.Repository;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AzuriteExtension.class)
class ScheduleServiceTest {
    @TempDir
    Path tmp;

    @Test
    void oneBase64MessagePerPlannedItemAndEveryItemQueued(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(8).users(140).groups(3).build().start();
             Repository repo = ServiceFixture.repo(account, tmp)) {
            QueueClient queue = ServiceFixture.storage(account).queues().getQueueClient("bi" + Long.toHexString(System.nanoTime()));
            queue.create();
            RunStore runs = new RunStore(repo.state());
            ScheduleService schedule = new ScheduleService(new Planner(ServiceFixture.graph(sim)), runs,
                    new QueueSender(queue, 16), Clock.systemUTC());

            BackupPolicy policy = BackupPolicy.parse("{\"mail\":\"all\",\"files\":\"all\"}");
            ScheduleService.Scheduled s = schedule.schedule(policy, "timer");
            Plan plan = new Planner(ServiceFixture.graph(sim)).plan(policy);
            assertEquals(plan.items().size(), s.enqueued());
            assertTrue(s.enqueued() > 100, "users and sites: " + s.enqueued());

            Map<String, PlannedItem> sent = new HashMap<>();
            while (true) {
                var batch = queue.receiveMessages(32, Duration.ofMinutes(5), null, null).stream().toList();
                if (batch.isEmpty()) {
                    break;
                }
                for (QueueMessageItem m : batch) {
                    BackupMessage msg = BackupMessage.parse(QueueSender.decode(m.getBody().toString()));
                    assertEquals(s.runId(), msg.run());
                    sent.put(msg.planned().item().toString(), msg.planned());
                }
            }
            Map<String, PlannedItem> planned = new HashMap<>();
            plan.items().forEach(p -> planned.put(p.item().toString(), p));
            assertEquals(planned, sent);

            RunInfo info = runs.run(s.runId()).orElseThrow();
            assertEquals(s.enqueued(), info.planned());
            assertEquals((long) s.enqueued(), info.counts().get(ItemState.QUEUED));
            assertEquals("running", info.status());
            assertEquals("timer", info.trigger());
        }
    }
}
