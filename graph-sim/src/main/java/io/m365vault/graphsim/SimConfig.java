package io.m365vault.graphsim;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Every knob of the simulator with its default. The same table drives the command line
 * ({@code --help} prints it) and {@link GraphSim.Builder#set(String, String)}.
 */
public final class SimConfig {
    public int port = 0;
    public int downloadPort = 0;
    public long seed = 1;
    public int users = 20;
    /** -1: one group for every five users, at least three. */
    public int groups = -1;
    public int communicationSites = 2;
    public String domain = "contoso.onmicrosoft.com";
    public int messagesPerFolder = 5;
    public int contactsPerFolder = 4;
    public int eventsPerCalendar = 6;
    /**
     * Graph documents includeHiddenFolders for listing mail folders and child folders only, not for
     * mailFolders/delta, and does not say whether delta reports hidden folders: both are simulated.
     */
    public boolean hiddenFoldersInDelta;
    public int filesPerDrive = 10;
    public int largeFileMb = 0;
    /** Each drive's quota.total; writes past it answer 507 quotaLimitReached, as OneDrive and SharePoint do. Default 1 TiB. */
    public long driveQuotaMb = 1024L * 1024;
    public int largeMessageMb = 3;
    public double dedupFraction = 0.1;
    public Path mailDir;
    public String mailDirUser;
    public Path driveDir;
    public String driveDirUser;
    public int latencyMs = 0;
    public int mailboxConcurrency = 4;
    public int requestsPerWindow = 10_000;
    public int windowSeconds = 600;
    public int retryAfterSeconds = 1;
    public double rate503 = 0;
    public double rate504 = 0;
    public double resetRate = 0;
    public int downloadUrlTtlSeconds = 300;
    public int deltaTokenTtlSeconds = 0;
    /** SharePoint's per-app budget is 1,250 to 6,250 units a minute; 0 (the default) keeps tests fast. */
    public int resourceUnitsPerWindow = 0;
    public int resourceUnitWindowSeconds = 60;
    public int notebooksPerDrive = 0;

    public record Knob(String name, String arg, String help, BiConsumer<SimConfig, String> apply) {
    }

    public static final List<Knob> KNOBS = List.of(
            new Knob("port", "N", "Graph port on 127.0.0.1 (0: a free one)", (c, v) -> c.port = Integer.parseInt(v)),
            new Knob("download-port", "N", "port of the pre-authenticated download host (0: a free one)", (c, v) -> c.downloadPort = Integer.parseInt(v)),
            new Knob("seed", "N", "tenant seed: same seed, same tenant, same bytes", (c, v) -> c.seed = Long.parseLong(v)),
            new Knob("users", "N", "number of users (the first six include a guest, an unlicensed user, a shared mailbox, a user without mailbox, a user without OneDrive)", (c, v) -> c.users = Integer.parseInt(v)),
            new Knob("groups", "N", "number of groups (-1: users/5, at least 3)", (c, v) -> c.groups = Integer.parseInt(v)),
            new Knob("communication-sites", "N", "SharePoint sites besides the root and the group sites", (c, v) -> c.communicationSites = Integer.parseInt(v)),
            new Knob("domain", "NAME", "tenant domain of user names", (c, v) -> c.domain = v),
            new Knob("messages-per-folder", "N", "messages in each non-empty mail folder", (c, v) -> c.messagesPerFolder = Integer.parseInt(v)),
            new Knob("contacts-per-folder", "N", "contacts in each contact folder", (c, v) -> c.contactsPerFolder = Integer.parseInt(v)),
            new Knob("events-per-calendar", "N", "single events in the default calendar (half as many in the second; 0: no events, no series)", (c, v) -> c.eventsPerCalendar = Integer.parseInt(v)),
            new Knob("files-per-drive", "N", "files in each drive (spread over a folder tree)", (c, v) -> c.filesPerDrive = Integer.parseInt(v)),
            new Knob("drive-quota-mb", "N", "each drive's quota (quota.total; writes past it answer 507 quotaLimitReached; default 1 TiB)",
                    (c, v) -> c.driveQuotaMb = Long.parseLong(v)),
            new Knob("large-file-mb", "N", "size of one extra large file in the first user's OneDrive (0: none)", (c, v) -> c.largeFileMb = Integer.parseInt(v)),
            new Knob("large-message-mb", "N", "attachment size of one large message in the first user's Inbox (0: none)", (c, v) -> c.largeMessageMb = Integer.parseInt(v)),
            new Knob("hidden-folders-in-delta", "true|false", "whether mailFolders/delta reports hidden folders (undocumented in Graph; default false)", (c, v) -> c.hiddenFoldersInDelta = bool(v)),
            new Knob("dedup-fraction", "F", "share of messages carrying one tenant-wide attachment and of files with one tenant-wide content", (c, v) -> c.dedupFraction = Double.parseDouble(v)),
            new Knob("mail-dir", "DIR", "every file of DIR becomes, unchanged, the MIME of a message in folder 'Imported' of --mail-dir-user", (c, v) -> c.mailDir = Path.of(v)),
            new Knob("mail-dir-user", "UPN|ID", "mailbox for --mail-dir (default: the first user)", (c, v) -> c.mailDirUser = v),
            new Knob("drive-dir", "DIR", "mirror DIR's tree into folder 'Imported' of --drive-dir-user's OneDrive", (c, v) -> c.driveDir = Path.of(v)),
            new Knob("drive-dir-user", "UPN|ID", "OneDrive for --drive-dir (default: the first user)", (c, v) -> c.driveDirUser = v),
            new Knob("latency-ms", "N", "added latency of every request", (c, v) -> c.latencyMs = Integer.parseInt(v)),
            new Knob("mailbox-concurrency", "N", "concurrent requests per mailbox/drive before 429 (0: no limit)", (c, v) -> c.mailboxConcurrency = Integer.parseInt(v)),
            new Knob("requests-per-window", "N", "requests per mailbox/drive per window before 429 (0: no limit)", (c, v) -> c.requestsPerWindow = Integer.parseInt(v)),
            new Knob("window-seconds", "N", "length of the request-count window", (c, v) -> c.windowSeconds = Integer.parseInt(v)),
            new Knob("retry-after-seconds", "N", "Retry-After sent with 429 and 503", (c, v) -> c.retryAfterSeconds = Integer.parseInt(v)),
            new Knob("rate-503", "F", "share of requests answered 503 Service Unavailable", (c, v) -> c.rate503 = Double.parseDouble(v)),
            new Knob("rate-504", "F", "share of requests answered 504 Gateway Timeout", (c, v) -> c.rate504 = Double.parseDouble(v)),
            new Knob("reset-rate", "F", "share of content downloads cut off midway", (c, v) -> c.resetRate = Double.parseDouble(v)),
            new Knob("download-url-ttl-seconds", "N", "lifetime of pre-authenticated download URLs", (c, v) -> c.downloadUrlTtlSeconds = Integer.parseInt(v)),
            new Knob("resource-units-per-window", "N", "SharePoint resource units per window for drive and site requests, RateLimit headers past 80%, then 429 (0: no budget; SharePoint: 1250-6250 a minute)", (c, v) -> c.resourceUnitsPerWindow = Integer.parseInt(v)),
            new Knob("resource-unit-window-seconds", "N", "length of the resource-unit window (SharePoint: 60)", (c, v) -> c.resourceUnitWindowSeconds = Integer.parseInt(v)),
            new Knob("notebooks-per-drive", "N", "OneNote notebooks (package items with .one sections) in each drive", (c, v) -> c.notebooksPerDrive = Integer.parseInt(v)),
            new Knob("delta-token-ttl-seconds", "N", "delta tokens older than this answer 410 (0: never expire)", (c, v) -> c.deltaTokenTtlSeconds = Integer.parseInt(v)));

    public static Knob knob(String name) {
        for (Knob k : KNOBS) {
            if (k.name.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown option --" + name + " (see --help)");
    }

    /** Groups to create when {@link #groups} is left at -1. */
    public int groupCount() {
        return groups >= 0 ? groups : Math.max(3, users / 5);
    }

    void validate() {
        if (users < 1) {
            throw new IllegalArgumentException("--users must be at least 1");
        }
        for (double f : new double[] {dedupFraction, rate503, rate504, resetRate}) {
            if (f < 0 || f > 1) {
                throw new IllegalArgumentException("fractions and rates must be between 0 and 1, got " + f);
            }
        }
        if (messagesPerFolder < 0 || filesPerDrive < 0 || contactsPerFolder < 0 || eventsPerCalendar < 0 || notebooksPerDrive < 0
                || resourceUnitsPerWindow < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (resourceUnitWindowSeconds < 1) {
            throw new IllegalArgumentException("--resource-unit-window-seconds must be at least 1");
        }
    }

    private static boolean bool(String v) {
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("expected true or false, got '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }
}
