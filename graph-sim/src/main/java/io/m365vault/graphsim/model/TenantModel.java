package io.m365vault.graphsim.model;

import io.m365vault.graphsim.SimConfig;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.mail.MailGenerator;
import io.m365vault.graphsim.mail.Mailbox;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole simulated tenant. The directory is built at start; each user's data is generated on
 * first use and kept, so memory follows what clients touch. Every change takes the next change
 * number from one counter, which is what delta tokens remember.
 */
public final class TenantModel {
    private final SimConfig config;
    private final Directory directory;
    private final AtomicLong changes = new AtomicLong();
    private final MailGenerator mailGenerator;
    private final ConcurrentHashMap<String, Mailbox> mailboxes = new ConcurrentHashMap<>();

    public TenantModel(SimConfig config) {
        this.config = config;
        this.directory = new Directory(config.seed, config.users, config.groupCount(), config.domain);
        this.mailGenerator = new MailGenerator(config.seed, directory, config.dedupFraction);
    }

    public SimConfig config() {
        return config;
    }

    public long seed() {
        return config.seed;
    }

    public Directory directory() {
        return directory;
    }

    public MailGenerator mailGenerator() {
        return mailGenerator;
    }

    public long nextSeq() {
        return changes.incrementAndGet();
    }

    public long currentSeq() {
        return changes.get();
    }

    /** A user by id or UPN, or Graph's 404. */
    public SimUser user(String key) {
        SimUser u = directory.user(key);
        if (u == null) {
            throw GraphError.resourceNotFound(key);
        }
        return u;
    }

    /** The user's mailbox, or the error Graph gives for a user without one. */
    public Mailbox mailbox(String userKey) {
        SimUser u = user(userKey);
        if (!u.hasMailbox()) {
            throw GraphError.notFound("MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
        }
        return mailboxes.computeIfAbsent(u.id, id -> new Mailbox(this, u));
    }

    /** Mailboxes generated so far (for mutate and stats: untouched ones are still as generated). */
    public java.util.Collection<Mailbox> touchedMailboxes() {
        return mailboxes.values();
    }
}
