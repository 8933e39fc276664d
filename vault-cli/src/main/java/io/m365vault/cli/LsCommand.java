package io.m365vault.cli;

import io.m365vault.backup.ProtectedItem;
import io.m365vault.service.BrowseEntry;
import io.m365vault.service.VaultServices;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `vault ls`: a protected item as it was at a point in time, through the item browser the HTTP API uses. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = {"Browse a protected item as it was at a point in time: folders and items with their sizes.",
                "PATH starts with the workload (mail, calendar, contacts, ...) then folder names, e.g. mail/Inbox/Projects."})
final class LsCommand extends RepoCommand {
    @Parameters(index = "0", paramLabel = "ITEM", converter = Converters.Item.class, description = "user:<id or UPN>, site:<id> or group:<id>")
    ProtectedItem item;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PATH", description = "workload, then folders (default: the workloads)")
    String path;

    @Mixin
    MailOptions.At at;

    @Override
    public Integer call() throws Exception {
        CliEnv env = env();
        Instant t = at.orNow();
        try (VaultServices vs = open()) {
            ProtectedItem it = backedUp(vs, item, t);
            List<BrowseEntry> entries = vs.browser().list(it, t, path);
            env.out().println(named(vs, it) + " at " + t);
            for (BrowseEntry e : entries) {
                env.out().printf("%-14s %10s  %-20s %s%n", e.container() ? "folder" : e.kind(), Sizes.bytes(e.size()),
                        e.validFrom() == null ? "" : e.validFrom().toString().substring(0, 19) + "Z",
                        label(e));
            }
            return 0;
        }
    }

    /** A folder's name ends in '/'; a workload reads "mail/ (42 items)". */
    private static String label(BrowseEntry e) {
        if ("workload".equals(e.kind()) && e.name().startsWith(e.id())) {
            return e.id() + "/" + e.name().substring(e.id().length());
        }
        return e.name() + (e.container() ? "/" : "");
    }
}
