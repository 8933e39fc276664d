package io.m365vault.maintain;

import io.m365vault.repo.Checkpoint;
import io.m365vault.repo.Repository;
import io.m365vault.repo.Verifier;
import io.m365vault.repo.VerifyReport;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduled maintenance run: a prune pass, then verify (the index against every pack's
 * header, and the chunks of today's {@link VerifyRotation} slices decrypted). What it found is
 * logged and kept as the run's status in the state table ({@link #SCOPE}/{@link #LAST}).
 */
public final class Maintenance {
    public static final String SCOPE = VerifyRotation.SCOPE;
    public static final String LAST = "last";
    /** Findings kept in the status row: the row's property is at most 64 KiB, the log has them all. */
    private static final int FINDINGS_KEPT = 20;
    private static final int FINDING_CHARS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

    private final Repository repo;
    private final Prune prune;
    private final VerifyRotation rotation;
    private final Clock clock;

    public Maintenance(Repository repo, Prune prune, int verifyPeriodDays, Clock clock) {
        this.repo = repo;
        this.prune = prune;
        this.rotation = new VerifyRotation(repo.state(), verifyPeriodDays);
        this.clock = clock;
    }

    /** What one run did and found. */
    public record Report(Instant at, PruneReport prune, VerifyReport verify) {
        public boolean ok() {
            return prune.problems().isEmpty() && verify.ok();
        }
    }

    public Report run(PruneOptions options) {
        Instant at = clock.instant();
        PruneReport pruned = prune.run(options);
        VerifyReport verified = new Verifier(repo).verify(rotation.due(at));
        rotation.done(at);
        Report report = new Report(at, pruned, verified);
        verified.errors().forEach(e -> LOG.error("maintenance verify finding={}", e));
        LOG.info("maintenance done ok={} prune=[{}] verify=[{}]", report.ok(), pruned, verified);
        repo.state().put(new Checkpoint(SCOPE, LAST, status(report)));
        return report;
    }

    private static Map<String, Object> status(Report r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("at", r.at().toString());
        v.put("ok", r.ok());
        v.put("prune", r.prune().toString());
        v.put("verify", r.verify().toString());
        List<String> findings = new java.util.ArrayList<>(r.prune().problems());
        findings.addAll(r.verify().errors());
        v.put("findings", findings.size());
        v.put("firstFindings", String.join("\n", findings.stream().limit(FINDINGS_KEPT)
                .map(f -> f.length() > FINDING_CHARS ? f.substring(0, FINDING_CHARS) + "..." : f).toList()));
        return v;
    }
}
