package io.m365vault.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a run: plans the protected items from the policy, records the run with every item
 * queued, then sends one {@link BackupMessage} per item to the {@code backup-items} queue.
 * The items are recorded before they are sent, so a worker always finds its row.
 */
public final class ScheduleService {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleService.class);

    /** The run started, and how long planning and sending took. */
    public record Scheduled(String runId, int enqueued, List<String> warnings, Duration planning, Duration recording,
                            Duration sending) { }

    private final Planner planner;
    private final RunStore runs;
    private final QueueSender queue;
    private final Clock clock;

    public ScheduleService(Planner planner, RunStore runs, QueueSender queue, Clock clock) {
        this.planner = planner;
        this.runs = runs;
        this.queue = queue;
        this.clock = clock;
    }

    public Scheduled schedule(BackupPolicy policy, String trigger) throws IOException {
        Instant t0 = clock.instant();
        Plan plan = planner.plan(policy);
        return start(plan, trigger, Duration.between(t0, clock.instant()));
    }

    /** Records and enqueues a plan made elsewhere (the CLI's chosen items, the bench). */
    public Scheduled start(Plan plan, String trigger, Duration planning) {
        Instant t1 = clock.instant();
        String runId = TimeIds.next(t1);
        runs.create(runId, t1, trigger, plan);
        runs.expire(t1.minus(RunStore.KEPT));
        Instant t2 = clock.instant();
        queue.sendAll(plan.items().stream().map(p -> new BackupMessage(runId, p).toJson()).toList());
        Instant t3 = clock.instant();
        Scheduled s = new Scheduled(runId, plan.items().size(), plan.warnings(), planning, Duration.between(t1, t2),
                Duration.between(t2, t3));
        LOG.info("run scheduled run={} trigger={} items={} warnings={} planMs={} recordMs={} sendMs={}", runId, trigger,
                s.enqueued(), s.warnings().size(), planning.toMillis(), s.recording().toMillis(), s.sending().toMillis());
        return s;
    }
}
