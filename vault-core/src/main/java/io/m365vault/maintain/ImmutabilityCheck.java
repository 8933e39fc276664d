package io.m365vault.maintain;

import io.m365vault.backup.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Retention against the storage's immutability: a version retention drops soonest goes a day (or
 * keepAllDays) after it closed, and its chunks one grace later; a pack immutable for longer than
 * that cannot be deleted when they go, so the storage they take cannot be freed until the
 * immutability ends. Not an error (immutability is the owner's choice against ransomware): a
 * warning naming the workloads whose rule keeps versions for less.
 */
final class ImmutabilityCheck {
    private ImmutabilityCheck() {
    }

    static List<String> warnings(Duration immutability, RetentionPolicy policy, Duration grace) {
        List<String> out = new ArrayList<>();
        List<String> shorter = new ArrayList<>();
        for (Workload w : Workload.values()) {
            RetentionRule rule = policy.rule(w);
            Duration soonest = Duration.ofDays(rule.keepAllDays()).compareTo(RetentionRule.ALWAYS_KEPT) > 0
                    ? Duration.ofDays(rule.keepAllDays()) : RetentionRule.ALWAYS_KEPT;
            if (immutability.compareTo(soonest.plus(grace)) > 0) {
                shorter.add(w.id() + " (" + soonest.toDays() + " days)");
            }
        }
        if (!shorter.isEmpty()) {
            out.add("packs are immutable for " + immutability.toDays() + " days, longer than retention keeps versions of "
                    + String.join(", ", shorter) + " plus the grace: what those versions alone used stays stored, and billed,"
                    + " until its immutability ends");
        }
        return out;
    }
}
