package io.m365vault.graphsim.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.Json;

import java.util.Locale;
import java.util.SplittableRandom;

/** A directory user, regenerated from (seed, index) whenever asked for. */
public final class SimUser {
    /** What makes a user special for enumeration; the first six users of every tenant are these. */
    public enum Kind { NORMAL, GUEST, UNLICENSED, SHARED_MAILBOX, NO_MAILBOX, NO_ONEDRIVE }

    public static final String E5_SKU = "c7df2760-2c81-4ef7-b578-5b5392b571df";
    public static final String E1_NO_EXCHANGE_SKU = "18181a46-0d4e-45cd-891e-60aabd171b4e";

    public final int index;
    public final String id;
    public final Kind kind;
    public final String givenName;
    public final String surname;
    public final String displayName;
    public final String userPrincipalName;
    public final String mail;
    public final String department;
    public final String city;

    SimUser(long seed, int index, String domain) {
        this.index = index;
        this.id = Ids.uuid(seed, "user:" + index).toString();
        this.kind = switch (index) {
            case 1 -> Kind.GUEST;
            case 2 -> Kind.UNLICENSED;
            case 3 -> Kind.SHARED_MAILBOX;
            case 4 -> Kind.NO_MAILBOX;
            case 5 -> Kind.NO_ONEDRIVE;
            default -> Kind.NORMAL;
        };
        SplittableRandom r = Rng.of(seed, "user-names:" + index);
        if (kind == Kind.SHARED_MAILBOX) {
            this.givenName = null;
            this.surname = null;
            this.displayName = "Support Desk";
        } else {
            this.givenName = Rng.pick(r, Names.GIVEN);
            this.surname = Rng.pick(r, Names.FAMILY);
            this.displayName = givenName + " " + surname;
        }
        String local = kind == Kind.SHARED_MAILBOX ? "support" + index
                : (givenName + "." + surname + index).toLowerCase(Locale.ROOT);
        if (kind == Kind.GUEST) {
            this.mail = local + "@fabrikam.example";
            this.userPrincipalName = local + "_fabrikam.example#EXT#@" + domain;
        } else {
            this.mail = kind == Kind.UNLICENSED || kind == Kind.NO_MAILBOX ? null : local + "@" + domain;
            this.userPrincipalName = local + "@" + domain;
        }
        this.department = Rng.pick(r, Names.DEPARTMENTS);
        this.city = Rng.pick(r, Names.CITIES);
    }

    public String address() {
        return mail != null ? mail : userPrincipalName;
    }

    public boolean hasMailbox() {
        return kind != Kind.GUEST && kind != Kind.UNLICENSED && kind != Kind.NO_MAILBOX;
    }

    public boolean hasOneDrive() {
        return kind == Kind.NORMAL || kind == Kind.NO_MAILBOX;
    }

    public ObjectNode json() {
        ObjectNode u = Json.obj();
        u.put("id", id);
        u.put("displayName", displayName);
        u.put("givenName", givenName);
        u.put("surname", surname);
        u.put("userPrincipalName", userPrincipalName);
        u.put("mail", mail);
        u.put("userType", kind == Kind.GUEST ? "Guest" : "Member");
        u.put("accountEnabled", kind != Kind.SHARED_MAILBOX);
        u.put("jobTitle", kind == Kind.SHARED_MAILBOX ? null : department + " specialist");
        u.put("department", department);
        u.put("officeLocation", city);
        u.put("preferredLanguage", "en-US");
        u.putArray("businessPhones");
        u.put("mobilePhone", (String) null);
        u.put("usageLocation", "US");
        var licenses = u.putArray("assignedLicenses");
        String sku = switch (kind) {
            case NORMAL, NO_ONEDRIVE -> E5_SKU;
            case NO_MAILBOX -> E1_NO_EXCHANGE_SKU;
            default -> null;
        };
        if (sku != null) {
            ObjectNode lic = licenses.addObject();
            lic.putArray("disabledPlans");
            lic.put("skuId", sku);
        }
        return u;
    }

    /** mailboxSettings: where a shared mailbox shows itself ({@code userPurpose}). */
    public ObjectNode mailboxSettings() {
        ObjectNode s = Json.obj();
        s.put("timeZone", "UTC");
        s.put("dateFormat", "yyyy-MM-dd");
        s.put("timeFormat", "HH:mm");
        s.put("userPurpose", kind == Kind.SHARED_MAILBOX ? "shared" : "user");
        s.put("delegateMeetingMessageDeliveryOptions", "sendToDelegateOnly");
        ObjectNode reply = s.putObject("automaticRepliesSetting");
        reply.put("status", "disabled");
        reply.put("externalAudience", "none");
        reply.put("internalReplyMessage", "");
        reply.put("externalReplyMessage", "");
        ObjectNode lang = s.putObject("language");
        lang.put("locale", "en-US");
        lang.put("displayName", "English (United States)");
        ObjectNode hours = s.putObject("workingHours");
        hours.putArray("daysOfWeek").add("monday").add("tuesday").add("wednesday").add("thursday").add("friday");
        hours.put("startTime", "08:00:00.0000000");
        hours.put("endTime", "17:00:00.0000000");
        hours.putObject("timeZone").put("name", "UTC");
        return s;
    }
}
