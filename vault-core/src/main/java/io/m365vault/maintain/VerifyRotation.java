package io.m365vault.maintain;

import io.m365vault.repo.Checkpoint;
import io.m365vault.repo.StateStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which packs a scheduled verify decrypts today, so that every pack is read within
 * {@code periodDays}: a pack belongs to the slice its id (a SHA-256, hex) gives modulo the
 * period, and each day of the period has its slice. A run reads the slices of every day since the
 * last run that read (kept in the state table), so maintenance that runs less than daily still
 * reads each pack once a period; a gap of a period or more reads them all.
 */
final class VerifyRotation {
    static final String SCOPE = "maintenance";
    static final String KEY = "verify-rotation";

    private final StateStore state;
    private final int periodDays;

    VerifyRotation(StateStore state, int periodDays) {
        if (periodDays < 1) {
            throw new IllegalArgumentException("the verify period must be at least a day, got " + periodDays);
        }
        this.state = state;
        this.periodDays = periodDays;
    }

    /** The slices due at {@code now}; {@link #done} records them read. */
    Predicate<String> due(Instant now) {
        long today = LocalDate.ofInstant(now, ZoneOffset.UTC).toEpochDay();
        long last = state.get(SCOPE, KEY).map(v -> v.get("lastDay")).filter(Number.class::isInstance)
                .map(n -> ((Number) n).longValue()).orElse(today - 1);
        long days = Math.max(0, Math.min(periodDays, today - last));
        boolean[] slices = new boolean[periodDays];
        for (long d = today - days + 1; d <= today; d++) {
            slices[(int) Math.floorMod(d, (long) periodDays)] = true;
        }
        return pack -> slices[slice(pack)];
    }

    void done(Instant now) {
        state.put(new Checkpoint(SCOPE, KEY, Map.of("lastDay", LocalDate.ofInstant(now, ZoneOffset.UTC).toEpochDay())));
    }

    int slice(String packId) {
        return (int) Math.floorMod(Long.parseLong(packId.substring(0, 12), 16), (long) periodDays);
    }
}
