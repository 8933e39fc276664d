package io.m365vault.service;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks an NCRONTAB expression as the Functions timer trigger reads it: six fields
 * (second minute hour day month day-of-week), each {@code *}, a value, a range, a list or a step,
 * with month and day names allowed. A schedule that would fail in Azure fails here first.
 */
final class NcronSchedule {
    private static final String[] FIELDS = {"second", "minute", "hour", "day", "month", "day-of-week"};
    private static final int[][] RANGES = {{0, 59}, {0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 6}};
    private static final String MONTHS = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC";
    private static final String DAYS = "SUN MON TUE WED THU FRI SAT";
    private static final Pattern PART = Pattern.compile("(\\*|[A-Za-z0-9]+(-[A-Za-z0-9]+)?)(/\\d+)?");

    private NcronSchedule() {
    }

    /** @throws IllegalArgumentException naming what is wrong */
    static void check(String expr) {
        String[] f = expr.trim().split("\\s+");
        if (f.length != 6) {
            throw new IllegalArgumentException("needs six fields (second minute hour day month day-of-week), e.g. '0 0 1 * * *', got "
                    + f.length + " in '" + expr + "'");
        }
        for (int i = 0; i < 6; i++) {
            for (String part : f[i].split(",", -1)) {
                checkPart(i, part, expr);
            }
        }
    }

    private static void checkPart(int field, String part, String expr) {
        if (!PART.matcher(part).matches()) {
            throw bad(field, part, expr);
        }
        int slash = part.indexOf('/');
        String range = slash < 0 ? part : part.substring(0, slash);
        if (slash >= 0 && Integer.parseInt(part.substring(slash + 1)) == 0) {
            throw bad(field, part, expr);
        }
        if (range.equals("*")) {
            return;
        }
        String[] ends = range.split("-");
        int lo = value(field, ends[0], part, expr);
        int hi = ends.length == 2 ? value(field, ends[1], part, expr) : lo;
        if (hi < lo) {
            throw bad(field, part, expr);
        }
    }

    private static int value(int field, String s, String part, String expr) {
        String names = field == 4 ? MONTHS : field == 5 ? DAYS : null;
        int v;
        if (s.chars().allMatch(Character::isDigit)) {
            v = s.length() > 4 ? -1 : Integer.parseInt(s);
        } else if (names != null && s.length() == 3 && names.contains(s.toUpperCase(Locale.ROOT))) {
            v = names.indexOf(s.toUpperCase(Locale.ROOT)) / 4 + (field == 4 ? 1 : 0);
        } else {
            throw bad(field, part, expr);
        }
        if (v < RANGES[field][0] || v > RANGES[field][1]) {
            throw bad(field, part, expr);
        }
        return v;
    }

    private static IllegalArgumentException bad(int field, String part, String expr) {
        return new IllegalArgumentException("field " + (field + 1) + " (" + FIELDS[field] + ", " + RANGES[field][0] + "-"
                + RANGES[field][1] + ") has '" + part + "' in '" + expr + "'");
    }
}
