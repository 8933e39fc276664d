package io.m365vault.backup;

/**
 * The kinds of catalog rows the workloads write, and what each row holds. Metadata is
 * always the item's Graph JSON as Graph returned it (UTF-8), so exporters and restorers read the
 * documented shapes; content is the item's bytes where it has any.
 * <ul>
 *   <li>mail: {@link #MAIL_FOLDER} (parent = parentFolderId; metadata = mailFolder JSON; no content),
 *       {@link #MESSAGE} (parent = folder id; metadata = message JSON without body; content = the
 *       exact MIME of {@code $value}).
 *   <li>calendar: {@link #CALENDAR} (metadata = calendar JSON), {@link #EVENT} (parent = calendar
 *       id; metadata = event JSON including body, recurrence and, for a series master, its
 *       exceptions in {@code exceptionOccurrences}), {@link #EVENT_ATTACHMENT} (parent = event id;
 *       metadata = attachment JSON without contentBytes; content = the attachment's bytes).
 *   <li>contacts: {@link #CONTACT_FOLDER} (metadata = contactFolder JSON), {@link #CONTACT}
 *       (parent = folder id; metadata = contact JSON; content = the photo's bytes, or none).
 *   <li>files: {@link #DRIVE} (a OneDrive, document library or group drive; metadata = drive JSON
 *       without quota), {@link #DRIVE_FOLDER} (parent = the parent folder's id, or the drive's id for
 *       the root folder; metadata = driveItem JSON), {@link #FILE} (parent = folder id; metadata =
 *       driveItem JSON without its download URL; content = the file's bytes, checked against
 *       {@code file.hashes.quickXorHash}), {@link #FILE_VERSION} (an earlier version kept by
 *       {@code files.versions}: parent = file id; metadata = driveItemVersion JSON; content = its bytes).
 *       Paths are rebuilt from the parents, as drive delta gives none.
 *   <li>lists: {@link #LIST} (a site's list: metadata = list JSON with its {@code columns} and
 *       {@code contentTypes}; no content), {@link #LIST_ITEM} (id = list id + {@code :} + item id, as
 *       item ids repeat across lists; parent = list id; metadata = listItem JSON with {@code fields};
 *       person and lookup columns as Graph gives them, {@code <name>LookupId}), {@link #LIST_ATTACHMENT}
 *       (a file attached to a list item, from SharePoint REST: id = the list item's id, {@code /} and
 *       the file name; parent = the list item's id; metadata = SharePoint's attachment JSON ({@code FileName}, {@code ServerRelativeUrl})
 *       with {@code itemETag}, the item's eTag when it was read; content = the file's bytes).
 *   <li>pages: {@link #SITE_PAGE} (metadata = sitePage JSON as listed; content = the sitePage JSON
 *       with {@code canvasLayout}, web parts as Graph gives them).
 * </ul>
 */
public final class ItemKind {
    public static final String MAIL_FOLDER = "mailFolder";
    public static final String MESSAGE = "message";
    public static final String CALENDAR = "calendar";
    public static final String EVENT = "event";
    public static final String EVENT_ATTACHMENT = "eventAttachment";
    public static final String CONTACT_FOLDER = "contactFolder";
    public static final String CONTACT = "contact";
    public static final String DRIVE = "drive";
    public static final String DRIVE_FOLDER = "driveFolder";
    public static final String FILE = "file";
    public static final String FILE_VERSION = "fileVersion";
    public static final String LIST = "list";
    public static final String LIST_ITEM = "listItem";
    public static final String LIST_ATTACHMENT = "listAttachment";
    public static final String SITE_PAGE = "sitePage";

    private ItemKind() {
    }
}
