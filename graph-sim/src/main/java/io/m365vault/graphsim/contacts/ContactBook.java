package io.m365vault.graphsim.contacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.model.Ids;
import io.m365vault.graphsim.model.Names;
import io.m365vault.graphsim.model.Rng;
import io.m365vault.graphsim.model.SimClock;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.graphsim.model.TenantModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** A user's contacts: the default Contacts folder, a child folder, contacts with and without photos. */
public final class ContactBook {
    public final SimUser owner;
    private final TenantModel tenant;
    public final Map<String, ContactFolder> folders = new LinkedHashMap<>();
    public final ContactFolder defaultFolder;

    public ContactBook(TenantModel tenant, SimUser owner) {
        this.tenant = tenant;
        this.owner = owner;
        long seed = tenant.seed();
        defaultFolder = new ContactFolder(Ids.outlook(seed, "cfolder:" + owner.id + ":contacts"), null, "Contacts", 0);
        ContactFolder suppliers = new ContactFolder(Ids.outlook(seed, "cfolder:" + owner.id + ":suppliers"), defaultFolder.id(), "Suppliers", 0);
        folders.put(defaultFolder.id(), defaultFolder);
        folders.put(suppliers.id(), suppliers);
        for (ContactFolder f : List.of(defaultFolder, suppliers)) {
            for (int i = 0; i < tenant.config().contactsPerFolder; i++) {
                String label = "contact:" + owner.id + ":" + f.displayName + ":" + i;
                SplittableRandom r = Rng.of(seed, label);
                long photoSeed = r.nextInt(3) == 0 ? r.nextLong() | 1 : 0;
                ContactItem c = new ContactItem(Ids.outlook(seed, label), f.id(), generate(r), null,
                        SimClock.minutesAgo(10_000 + r.nextInt(500_000)), 0);
                c.photoSeed = photoSeed;
                f.items.put(c.id(), c);
            }
        }
    }

    private static ObjectNode generate(SplittableRandom r) {
        String given = Rng.pick(r, Names.GIVEN);
        String family = Rng.pick(r, Names.FAMILY);
        ObjectNode j = Json.obj();
        j.put("displayName", given + " " + family);
        j.put("givenName", given);
        j.put("surname", family);
        j.put("fileAs", family + ", " + given);
        j.put("jobTitle", Rng.pick(r, Names.DEPARTMENTS) + " lead");
        j.put("companyName", Rng.pick(r, Names.FAMILY) + " & Co");
        j.put("department", Rng.pick(r, Names.DEPARTMENTS));
        j.put("mobilePhone", "+1 555 0" + (100 + r.nextInt(900)));
        j.putArray("businessPhones").add("+1 425 555 0" + (100 + r.nextInt(900)));
        j.putArray("homePhones");
        j.putArray("emailAddresses").addObject().put("name", given + " " + family)
                .put("address", (given + "." + family).toLowerCase(Locale.ROOT) + "@partner.example");
        ObjectNode addr = j.putObject("businessAddress");
        addr.put("street", (1 + r.nextInt(999)) + " Main St");
        addr.put("city", Rng.pick(r, Names.CITIES));
        addr.put("countryOrRegion", "United States");
        addr.put("postalCode", Integer.toString(10_000 + r.nextInt(89_999)));
        j.putObject("homeAddress");
        j.putObject("otherAddress");
        j.put("personalNotes", r.nextInt(4) == 0 ? "Met at the " + Names.sentence(r, 2).toLowerCase(Locale.ROOT) + "." : "");
        j.put("birthday", r.nextInt(3) == 0 ? "19" + (60 + r.nextInt(40)) + "-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10) + "T11:59:00Z" : null);
        j.putArray("categories");
        return j;
    }

    public ContactFolder folder(String idOrName) {
        ContactFolder f = idOrName.equalsIgnoreCase("contacts") ? defaultFolder : folders.get(idOrName);
        if (f == null || f.deleted()) {
            throw GraphError.itemNotFound();
        }
        return f;
    }

    public List<ContactFolder> children(ContactFolder parent) {
        List<ContactFolder> out = new ArrayList<>();
        for (ContactFolder f : folders.values()) {
            if (!f.deleted() && parent.id().equals(f.parentId)) {
                out.add(f);
            }
        }
        return out;
    }

    public ContactItem contact(String id) {
        for (ContactFolder f : folders.values()) {
            ContactItem c = f.items.get(id);
            if (c != null && !c.deleted()) {
                return c;
            }
        }
        throw GraphError.itemNotFound();
    }

    public List<ContactItem> live() {
        List<ContactItem> out = new ArrayList<>();
        for (ContactFolder f : folders.values()) {
            for (ContactItem c : f.items.values()) {
                if (!c.deleted()) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    public ContactItem create(ContactFolder f, ObjectNode fields) {
        long seq = tenant.nextSeq();
        ContactItem c = new ContactItem(Ids.outlook(tenant.seed(), "newcontact:" + owner.id + ":" + seq), f.id(), fields, null, SimClock.atChange(seq), seq);
        f.items.put(c.id(), c);
        return c;
    }

    public ContactFolder createFolder(ContactFolder parent, String name) {
        long seq = tenant.nextSeq();
        ContactFolder f = new ContactFolder(Ids.outlook(tenant.seed(), "newcfolder:" + owner.id + ":" + seq), parent.id(), name, seq);
        folders.put(f.id(), f);
        return f;
    }

    public void edit(ContactItem c) {
        long seq = tenant.nextSeq();
        c.touch(seq);
        c.modified = SimClock.atChange(seq);
    }

    public void delete(ContactItem c) {
        c.markDeleted(tenant.nextSeq());
    }

    /** Deletes a folder with its contacts and subfolders, as Outlook does; the default folder cannot go. */
    public void delete(ContactFolder f) {
        if (f == defaultFolder) {
            throw GraphError.badRequest("ErrorCannotDeleteObject", "The default contacts folder cannot be deleted.");
        }
        long seq = tenant.nextSeq();
        for (ContactFolder child : children(f)) {
            delete(child);
        }
        f.items.values().forEach(c -> c.markDeleted(seq));
        f.markDeleted(seq);
    }
}
