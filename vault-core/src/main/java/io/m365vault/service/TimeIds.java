package io.m365vault.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Ids of runs and restore jobs: the UTC time to the millisecond, then random bits, e.g.
 * {@code 20261125T141500123Z-3f9a1c}. They sort by time as strings, and their shape is strict
 * so an id from a URL can be checked before it goes near storage.
 */
public final class TimeIds {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern SHAPE = Pattern.compile("\\d{8}T\\d{9}Z-[0-9a-f]{6}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeIds() {
    }

    public static String next(Instant t) {
        byte[] r = new byte[3];
        RANDOM.nextBytes(r);
        return FORMAT.format(t) + "-" + HexFormat.of().formatHex(r);
    }

    public static boolean valid(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}
