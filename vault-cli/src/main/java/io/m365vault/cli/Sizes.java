package io.m365vault.cli;

import java.time.Duration;
import java.util.Locale;

/** Human figures for the terminal: bytes in binary units, durations as h:mm:ss. */
final class Sizes {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Sizes() {
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        int u = 0;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.2f %s" : v < 100 ? "%.1f %s" : "%.0f %s", v, UNITS[u]);
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2fx", r);
    }
}
