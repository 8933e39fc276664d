package io.m365vault.graphsim.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.model.Directory;
import io.m365vault.graphsim.model.Ids;
import io.m365vault.graphsim.model.Names;
import io.m365vault.graphsim.model.Rng;
import io.m365vault.graphsim.model.SimClock;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.graphsim.model.TenantModel;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A site's lists and site pages, generated from the seed on first use: "Tasks" and "Issues" with
 * items, the "Documents" library's list face (its files are the site's drive), a hidden list, and
 * the hidden system "User Information List" holding the people that person columns point to (by
 * lookup id), filled as items name them. Callers synchronize on the instance, as with mailboxes.
 */
public final class SiteContent {
    /** Items generated per list: enough for several delta pages at a small page size. */
    public static final int ITEMS_PER_LIST = 12;
    private static final String[][] PAGES = {{"Home.aspx", "Home", "home"}, {"Team-news.aspx", "Team news", "article"},
            {"Onboarding.aspx", "Onboarding guide", "article"}};

    public final SimSite site;
    private final TenantModel tenant;
    public final Map<String, SiteList> lists = new LinkedHashMap<>();
    public final TreeMap<String, SitePageRecord> pages = new TreeMap<>();
    /** Person lookup ids are the people list's item ids: the first users of a site get 7, 8, ... as in SharePoint. */
    static final int FIRST_PERSON_ID = 7;
    public static final String PEOPLE_LIST = "User Information List";
    private final SiteList people;

    public SiteContent(TenantModel tenant, SimSite site) {
        this.tenant = tenant;
        this.site = site;
        long seed = tenant.seed();
        String tasksId = Ids.uuid(seed, "list:" + site.id + ":Tasks").toString();
        String issuesId = Ids.uuid(seed, "list:" + site.id + ":Issues").toString();
        Instant created = SimClock.minutesAgo(600_000L - site.index * 1_000L);
        SiteList tasks = new SiteList(tasksId, "Tasks", "genericList", ListColumns.tasks(seed, tasksId), created);
        SiteList issues = new SiteList(issuesId, "Issues", "issueTracking", ListColumns.issues(seed, issuesId, tasksId), created);
        String peopleId = Ids.uuid(seed, "list:" + site.id + ":people").toString();
        people = new SiteList(peopleId, PEOPLE_LIST, "userInformation", ListColumns.people(seed, peopleId), created, true, true);
        lists.put(tasksId, tasks);
        lists.put(issuesId, issues);
        for (int i = 0; i < ITEMS_PER_LIST; i++) {
            generate(tasks, i, seed);
            generate(issues, i, seed);
        }
        String docsId = Ids.uuid(seed, "list:" + site.id + ":Documents").toString();
        lists.put(docsId, new SiteList(docsId, "Documents", "documentLibrary", ListColumns.titleOnly(seed, docsId), created));
        String hiddenId = Ids.uuid(seed, "list:" + site.id + ":TaxonomyHiddenList").toString();
        lists.put(hiddenId, new SiteList(hiddenId, "TaxonomyHiddenList", "genericList", ListColumns.titleOnly(seed, hiddenId), created, true, false));
        lists.put(peopleId, people);
        for (String[] p : PAGES) {
            String label = "page:" + site.id + ":" + p[0];
            SitePageRecord page = new SitePageRecord(Ids.uuid(seed, label).toString(), p[0], p[1], p[2], Rng.seed(seed, label),
                    SimClock.minutesAgo(300_000L + Rng.of(seed, label).nextInt(100_000)), 0);
            pages.put(page.id(), page);
        }
    }

    private void generate(SiteList list, int i, long seed) {
        SplittableRandom r = Rng.of(seed, "listitem:" + list.id + ":" + i);
        String id = Integer.toString(++list.lastItemId);
        ListItemRecord item = new ListItemRecord(id, list.id, fields(list, r), author(r),
                SimClock.minutesAgo(10_000 + r.nextInt(400_000)), 0);
        if (Integer.parseInt(id) % 5 == 0) {
            // Some task and issue items carry files: notes, and on every tenth item a binary one too.
            item.attachments.add(ListAttachment.generated(r, "Notes " + id + ".txt", false));
            if (Integer.parseInt(id) % 10 == 0) {
                item.attachments.add(ListAttachment.generated(r, "Screenshot " + id + ".png", true));
            }
        }
        list.items.put(id, item);
    }

    private String author(SplittableRandom r) {
        Directory d = tenant.directory();
        return d.user(r.nextInt(d.userCount())).displayName;
    }

    /** Generated column values of a new item, by the list's columns. */
    ObjectNode fields(SiteList list, SplittableRandom r) {
        ObjectNode f = Json.obj();
        f.put("Title", Names.sentence(r, 3 + r.nextInt(4)));
        Instant day = SimClock.NOW.truncatedTo(ChronoUnit.DAYS).plus(r.nextInt(120) - 60, ChronoUnit.DAYS);
        if (list.template.equals("genericList")) {
            f.put("PercentComplete", r.nextInt(11) / 10.0);
            f.put("StartDate", SimClock.iso(day));
            f.put("Completed", r.nextInt(3) == 0);
        } else {
            f.put("Status", Rng.pick(r, ListColumns.STATUSES));
            f.put("Priority", Rng.pick(r, ListColumns.PRIORITIES));
            f.put("Estimate", r.nextInt(400) / 10.0);
            f.put("DueDate", SimClock.iso(day.plus(9 + r.nextInt(8), ChronoUnit.HOURS)));
            f.put("Resolved", r.nextInt(4) == 0);
            f.put("AssignedToLookupId", person(r.nextInt(tenant.directory().userCount())));
            f.put("RelatedTaskLookupId", Integer.toString(1 + r.nextInt(ITEMS_PER_LIST)));
            for (JsonNode col : list.columns) {
                if (col.path("name").asText().equals("Category")) {
                    f.put("Category", Rng.pick(r, ListColumns.CATEGORIES));
                }
            }
        }
        return f;
    }

    /** The people list's lookup id of a user, its entry made on first use (as SharePoint adds a user when first named). */
    private String person(int userIndex) {
        String id = Integer.toString(FIRST_PERSON_ID + userIndex);
        if (!people.items.containsKey(id)) {
            SimUser u = tenant.directory().user(userIndex);
            ObjectNode f = Json.obj();
            f.put("Title", u.displayName);
            f.put("EMail", u.mail != null ? u.mail : u.userPrincipalName);
            f.put("UserName", u.userPrincipalName);
            long seq = lists.containsKey(people.id) ? tenant.nextSeq() : 0;
            Instant when = seq == 0 ? SimClock.minutesAgo(500_000L) : SimClock.atChange(seq);
            people.items.put(id, new ListItemRecord(id, people.id, f, "System Account", when, seq));
        }
        return id;
    }

    /** Adds a column to the list's schema (lists may gain columns at any time); items get values for it as they are edited. */
    public boolean addColumn(SiteList list, ObjectNode column) {
        for (JsonNode c : list.columns) {
            if (c.path("name").asText().equals(column.path("name").asText())) {
                return false;
            }
        }
        list.columns.add(column);
        list.modified = SimClock.atChange(tenant.nextSeq());
        return true;
    }

    /** The column the mutator gives an issue tracker, made from the seed. */
    public ObjectNode categoryColumn(SiteList list) {
        return ListColumns.category(tenant.seed(), list.id);
    }

    public SiteList list(String idOrName) {
        SiteList l = lists.get(idOrName);
        if (l == null) {
            for (SiteList x : lists.values()) {
                if (x.name.equalsIgnoreCase(idOrName)) {
                    l = x;
                }
            }
        }
        if (l == null) {
            throw GraphError.notFound("itemNotFound", "List not found");
        }
        return l;
    }

    public ListItemRecord item(SiteList list, String id) {
        ListItemRecord i = list.items.get(id);
        if (i == null || i.deleted()) {
            throw GraphError.notFound("itemNotFound", "The specified list item was not found");
        }
        return i;
    }

    public List<ListItemRecord> liveItems(SiteList list) {
        List<ListItemRecord> out = new ArrayList<>();
        for (ListItemRecord i : list.items.values()) {
            if (!i.deleted()) {
                out.add(i);
            }
        }
        return out;
    }

    public ListItemRecord create(SiteList list, ObjectNode fields, String author) {
        long seq = tenant.nextSeq();
        String id = Integer.toString(++list.lastItemId);
        ListItemRecord item = new ListItemRecord(id, list.id, fields, author, SimClock.atChange(seq), seq);
        list.items.put(id, item);
        return item;
    }

    /** Sets the given column values; the rest stay. */
    public void edit(ListItemRecord item, ObjectNode changes) {
        ObjectNode f = item.fields.deepCopy();
        f.setAll(changes);
        item.fields = f;
        changed(item);
    }

    /** Attaches a file, replacing one of the same name: a new version of the item, as in SharePoint. */
    public void attach(ListItemRecord item, ListAttachment file) {
        item.attachments.removeIf(a -> a.name().equalsIgnoreCase(file.name()));
        item.attachments.add(file);
        changed(item);
    }

    /** Removes the attachment named {@code name}; false when the item has none of that name. */
    public boolean detach(ListItemRecord item, String name) {
        boolean removed = item.attachments.removeIf(a -> a.name().equalsIgnoreCase(name));
        if (removed) {
            changed(item);
        }
        return removed;
    }

    private void changed(ListItemRecord item) {
        long seq = tenant.nextSeq();
        item.touch(seq);
        item.modified = SimClock.atChange(seq);
        item.version++;
    }

    public void delete(ListItemRecord item) {
        item.markDeleted(tenant.nextSeq());
    }

    /**
     * A new list of the site, made by a client: its template's Title column first, then the given
     * columns (checked by {@link ColumnDefinitions}). A name in use answers 409 nameAlreadyExists.
     */
    public SiteList createList(String displayName, String template, com.fasterxml.jackson.databind.node.ArrayNode columns) {
        for (SiteList l : lists.values()) {
            if (l.name.equalsIgnoreCase(displayName)) {
                throw new GraphError(409, "nameAlreadyExists", "A list, survey, discussion board, or document library with the specified title already exists in this Web site.");
            }
        }
        long seq = tenant.nextSeq();
        String id = Ids.uuid(tenant.seed(), "list:" + site.id + ":created:" + seq).toString();
        SiteList list = new SiteList(id, displayName, template, ListColumns.titleOnly(tenant.seed(), id), SimClock.atChange(seq));
        lists.put(id, list);
        for (JsonNode c : columns) {
            addColumn(list, ColumnDefinitions.created(this, list, c));
        }
        return list;
    }

    /** A client's new column of {@code list}; a name in use answers 409 nameAlreadyExists. */
    public ObjectNode createColumn(SiteList list, JsonNode column) {
        ObjectNode c = ColumnDefinitions.created(this, list, column);
        if (!addColumn(list, c)) {
            throw new GraphError(409, "nameAlreadyExists", "A duplicate field name \"" + c.path("name").asText() + "\" was found.");
        }
        return c;
    }

    /** A client's new page: a draft (checked out) until {@link #publish}; a name in use answers 409 nameAlreadyExists. */
    public SitePageRecord createPage(String name, String title, String description, String pageLayout, ObjectNode canvas) {
        for (SitePageRecord p : pages.values()) {
            if (p.name.equalsIgnoreCase(name)) {
                throw new GraphError(409, "nameAlreadyExists", "A page named " + name + " already exists.");
            }
        }
        long seq = tenant.nextSeq();
        String label = "page:" + site.id + ":created:" + seq;
        SitePageRecord p = new SitePageRecord(Ids.uuid(tenant.seed(), label).toString(), name, title, pageLayout, Rng.seed(tenant.seed(), label),
                canvas, description, SimClock.atChange(seq), seq);
        p.published = false;
        pages.put(p.id(), p);
        return p;
    }

    /** Checks the page in and publishes it: a new version. */
    public void publish(SitePageRecord p) {
        p.published = true;
        editPage(p, p.title);
    }

    public void removePage(SitePageRecord p) {
        pages.remove(p.id());
    }

    public SitePageRecord page(String id) {
        SitePageRecord p = pages.get(id);
        if (p == null) {
            throw GraphError.notFound("itemNotFound", "The page was not found");
        }
        return p;
    }

    public void editPage(SitePageRecord p, String title) {
        long seq = tenant.nextSeq();
        p.title = title;
        p.version++;
        p.touch(seq);
        p.modified = SimClock.atChange(seq);
    }
}
