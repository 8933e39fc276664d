package io.m365vault.graphsim.model;

import io.m365vault.graphsim.SimConfig;
import io.m365vault.graphsim.calendar.CalendarBook;
import io.m365vault.graphsim.contacts.ContactBook;
import io.m365vault.graphsim.drive.Drive;
import io.m365vault.graphsim.site.SiteContent;
import io.m365vault.graphsim.site.SiteDirectory;
import io.m365vault.graphsim.site.SimSite;
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
    private final SiteDirectory sites;
    private final ConcurrentHashMap<String, ContactBook> contactBooks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CalendarBook> calendarBooks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Drive> drives = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SiteContent> siteContents = new ConcurrentHashMap<>();

    public TenantModel(SimConfig config) {
        this.config = config;
        this.directory = new Directory(config.seed, config.users, config.groupCount(), config.domain);
        this.mailGenerator = new MailGenerator(config.seed, directory, config.dedupFraction);
        this.sites = new SiteDirectory(config, directory);
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

    /** The user's contacts (a mailbox feature: users without a mailbox get its error). */
    public ContactBook contacts(String userKey) {
        Mailbox box = mailbox(userKey);
        return contactBooks.computeIfAbsent(box.owner.id, id -> new ContactBook(this, box.owner));
    }

    /** The user's calendars (a mailbox feature: users without a mailbox get its error). */
    public CalendarBook calendars(String userKey) {
        Mailbox box = mailbox(userKey);
        return calendarBooks.computeIfAbsent(box.owner.id, id -> new CalendarBook(this, box.owner));
    }

    public SiteDirectory sites() {
        return sites;
    }

    /** A site's lists and pages (by site id or "root"), generated on first use, or Graph's 404. */
    public SiteContent siteContent(String siteId) {
        SimSite s = sites.site(siteId);
        if (s == null) {
            throw GraphError.notFound("itemNotFound", "Requested site could not be found");
        }
        return siteContents.computeIfAbsent(s.id, id -> new SiteContent(this, s));
    }

    /** A drive by id, generated on first use, or Graph's 404. */
    public Drive drive(String driveId) {
        Drive.Spec spec = sites.driveSpec(driveId);
        if (spec == null) {
            throw GraphError.notFound("itemNotFound", "The provided drive id appears to be malformed, or does not represent a valid drive.");
        }
        return drives.computeIfAbsent(driveId, id -> new Drive(this, spec));
    }

    /** The id of a user's OneDrive, or the 404 Graph gives when it was never provisioned. */
    public String userDriveId(String userKey) {
        SimUser u = user(userKey);
        String id = sites.userDriveId(u.id);
        if (id == null) {
            throw GraphError.notFound("ResourceNotFound", "User's mysite not found.");
        }
        return id;
    }

    public java.util.Collection<Drive> touchedDrives() {
        return drives.values();
    }

    /** Mailboxes generated so far (for mutate and stats: untouched ones are still as generated). */
    public java.util.Collection<Mailbox> touchedMailboxes() {
        return mailboxes.values();
    }
}
