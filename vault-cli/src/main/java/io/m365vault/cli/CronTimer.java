package io.m365vault.cli;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The timer trigger on this machine: fires at each UTC second an NCRONTAB expression (six fields:
 * second minute hour day month day-of-week, as VAULT_SCHEDULE holds it) matches. The settings
 * check has already refused a malformed expression with one line.
 */
final class CronTimer implements AutoCloseable {
    private static final int[][] RANGES = {{0, 59}, {0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 6}};
    private static final String MONTHS = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC";
    private static final String DAYS = "SUN MON TUE WED THU FRI SAT";

    private final BitSet[] fields = new BitSet[6];
    private final ScheduledExecutorService ticker;
    private long lastFired = -1;

    CronTimer(String expression, Runnable fire) {
        String[] f = expression.trim().split("\\s+");
        for (int i = 0; i < 6; i++) {
            fields[i] = field(i, f[i]);
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "timer");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> {
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            long second = now.toEpochSecond();
            if (second != lastFired && matches(now)) {
                lastFired = second;
                fire.run();
            }
        }, 0, 200, TimeUnit.MILLISECONDS);
    }

    boolean matches(ZonedDateTime t) {
        int[] v = {t.getSecond(), t.getMinute(), t.getHour(), t.getDayOfMonth(), t.getMonthValue(), t.getDayOfWeek().getValue() % 7};
        for (int i = 0; i < 6; i++) {
            if (!fields[i].get(v[i])) {
                return false;
            }
        }
        return true;
    }

    private static BitSet field(int i, String text) {
        BitSet set = new BitSet();
        for (String part : text.split(",")) {
            int slash = part.indexOf('/');
            String range = slash < 0 ? part : part.substring(0, slash);
            int step = slash < 0 ? 1 : Integer.parseInt(part.substring(slash + 1));
            int lo = RANGES[i][0];
            int hi = RANGES[i][1];
            if (!range.equals("*")) {
                String[] ends = range.split("-");
                lo = value(i, ends[0]);
                hi = ends.length == 2 ? value(i, ends[1]) : (slash < 0 ? lo : hi);
            }
            for (int v = lo; v <= hi; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static int value(int field, String s) {
        if (s.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(s);
        }
        String names = field == 4 ? MONTHS : DAYS;
        return names.indexOf(s.toUpperCase(Locale.ROOT)) / 4 + (field == 4 ? 1 : 0);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
