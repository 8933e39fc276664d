package io.m365vault.restore;

import java.util.Locale;

/** How messages are written: one {@code .eml} per message, or one mboxrd file per folder. */
public enum MailFormat {
    EML, MBOX;

    public static MailFormat parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "eml" -> EML;
            case "mbox" -> MBOX;
            default -> throw new IllegalArgumentException("unknown mail format '" + s + "'; one of eml, mbox");
        };
    }
}
