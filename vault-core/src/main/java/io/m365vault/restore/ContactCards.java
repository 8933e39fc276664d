package io.m365vault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import ezvcard.VCard;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.ImageType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Email;
import ezvcard.property.Organization;
import ezvcard.property.Photo;
import ezvcard.property.StructuredName;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Graph contact JSON as a vCard: names, e-mail and IM addresses, phones, postal addresses,
 * company, department and title, birthday, notes, categories, web page, and the photo.
 */
final class ContactCards {
    private ContactCards() {
    }

    static VCard card(JsonNode c, byte[] photo) {
        VCard v = new VCard();
        String uid = GraphJson.text(c, "id");
        if (uid != null) {
            v.setUid(new ezvcard.property.Uid(uid));
        }
        StructuredName n = new StructuredName();
        n.setGiven(GraphJson.text(c, "givenName"));
        n.setFamily(GraphJson.text(c, "surname"));
        add(n.getAdditionalNames(), GraphJson.text(c, "middleName"));
        add(n.getPrefixes(), GraphJson.text(c, "title"));
        add(n.getSuffixes(), GraphJson.text(c, "generation"));
        v.setStructuredName(n);
        v.setFormattedName(formattedName(c));
        String nick = GraphJson.text(c, "nickName");
        if (nick != null) {
            v.setNickname(nick);
        }
        for (JsonNode e : c.path("emailAddresses")) {
            String address = GraphJson.text(e, "address");
            if (address != null) {
                Email email = v.addEmail(address, EmailType.INTERNET);
                if (v.getEmails().size() == 1) {
                    email.setPref(1);
                }
            }
        }
        c.path("imAddresses").forEach(im -> v.addExtendedProperty("X-IM", im.asText()));
        c.path("businessPhones").forEach(p -> v.addTelephoneNumber(p.asText(), TelephoneType.WORK, TelephoneType.VOICE));
        c.path("homePhones").forEach(p -> v.addTelephoneNumber(p.asText(), TelephoneType.HOME, TelephoneType.VOICE));
        String mobile = GraphJson.text(c, "mobilePhone");
        if (mobile != null) {
            v.addTelephoneNumber(mobile, TelephoneType.CELL);
        }
        address(v, c.path("businessAddress"), AddressType.WORK);
        address(v, c.path("homeAddress"), AddressType.HOME);
        address(v, c.path("otherAddress"), null);
        String company = GraphJson.text(c, "companyName");
        String department = GraphJson.text(c, "department");
        if (company != null || department != null) {
            Organization org = new Organization();
            org.getValues().add(company == null ? "" : company);
            if (department != null) {
                org.getValues().add(department);
            }
            v.setOrganization(org);
        }
        String jobTitle = GraphJson.text(c, "jobTitle");
        if (jobTitle != null) {
            v.addTitle(jobTitle);
        }
        String profession = GraphJson.text(c, "profession");
        if (profession != null) {
            v.addRole(profession);
        }
        String birthday = GraphJson.text(c, "birthday");
        if (birthday != null) {
            try {
                v.setBirthday(new Birthday(LocalDate.parse(birthday.substring(0, Math.min(10, birthday.length())))));
            } catch (DateTimeParseException e) {
                throw new ExportException("contact " + uid + " has a birthday that is not a date: " + birthday);
            }
        }
        String notes = GraphJson.text(c, "personalNotes");
        if (notes != null) {
            v.addNote(notes);
        }
        String[] categories = new String[c.path("categories").size()];
        for (int i = 0; i < categories.length; i++) {
            categories[i] = c.path("categories").get(i).asText();
        }
        if (categories.length > 0) {
            v.setCategories(categories);
        }
        String web = GraphJson.text(c, "businessHomePage");
        if (web != null) {
            v.addUrl(web);
        }
        if (photo != null && photo.length > 0) {
            v.addPhoto(new Photo(photo, imageType(photo)));
        }
        return v;
    }

    private static String formattedName(JsonNode c) {
        String display = GraphJson.text(c, "displayName");
        if (display != null) {
            return display;
        }
        String joined = String.join(" ", java.util.stream.Stream.of(GraphJson.text(c, "givenName"), GraphJson.text(c, "surname"))
                .filter(java.util.Objects::nonNull).toList());
        if (!joined.isEmpty()) {
            return joined;
        }
        String email = GraphJson.text(c.path("emailAddresses").path(0), "address");
        return email != null ? email : "";
    }

    private static void address(VCard v, JsonNode a, AddressType type) {
        if (!a.isObject()) {
            return;
        }
        Address adr = new Address();
        adr.setStreetAddress(GraphJson.text(a, "street"));
        adr.setLocality(GraphJson.text(a, "city"));
        adr.setRegion(GraphJson.text(a, "state"));
        adr.setPostalCode(GraphJson.text(a, "postalCode"));
        adr.setCountry(GraphJson.text(a, "countryOrRegion"));
        if (adr.getStreetAddress() == null && adr.getLocality() == null && adr.getRegion() == null
                && adr.getPostalCode() == null && adr.getCountry() == null) {
            return;
        }
        if (type != null) {
            adr.getTypes().add(type);
        }
        v.addAddress(adr);
    }

    /** The photo's format from its first bytes; Outlook stores JPEG unless told otherwise. */
    static ImageType imageType(byte[] b) {
        if (b.length >= 4 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return ImageType.PNG;
        }
        if (b.length >= 4 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return ImageType.GIF;
        }
        return ImageType.JPEG;
    }

    private static void add(java.util.List<String> list, String value) {
        if (value != null) {
            list.add(value);
        }
    }
}
