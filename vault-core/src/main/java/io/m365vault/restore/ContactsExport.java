package io.m365vault.restore;

import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import io.m365vault.backup.ItemKind;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.ContentReader;
import io.m365vault.repo.RepositoryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Contact folders to {@code contacts/<folder name>.vcf}, one vCard 3.0 per contact (3.0 because
 * Outlook, Apple and Google all import it; 4.0 is not read by Outlook). A contact whose photo cannot
 * be read is still written, without the photo, and the failure is reported.
 */
final class ContactsExport {
    static final String DIR = "contacts";

    private final ContentReader reader;
    private final ExportTarget target;
    private final ExportLedger ledger;

    ContactsExport(ContentReader reader, ExportTarget target, ExportLedger ledger) {
        this.reader = reader;
        this.target = target;
        this.ledger = ledger;
    }

    void export(List<CatalogEntry> folders, List<CatalogEntry> contacts) throws IOException {
        Map<String, String> names = new HashMap<>();
        folders.forEach(f -> names.put(f.itemId(), SafeNames.segment(GraphJson.text(GraphJson.of(f), "displayName"), "contacts")));
        Map<String, List<CatalogEntry>> byFolder = new TreeMap<>();
        for (CatalogEntry c : contacts) {
            byFolder.computeIfAbsent(names.containsKey(c.parent()) ? c.parent() : "", k -> new ArrayList<>()).add(c);
        }
        SafeNames.Siblings files = new SafeNames.Siblings();
        List<CatalogEntry> ordered = new ArrayList<>(folders);
        ordered.sort(Comparator.comparing((CatalogEntry f) -> names.get(f.itemId())).thenComparing(CatalogEntry::itemId));
        for (CatalogEntry f : ordered) {
            write(files.claim(names.get(f.itemId()), "", ".vcf", f.itemId()), byFolder.getOrDefault(f.itemId(), List.of()));
            ledger.exported(ItemKind.CONTACT_FOLDER);
        }
        if (byFolder.containsKey("")) {
            write(files.claim(MailFolderTree.UNFILED, "", ".vcf", MailFolderTree.UNFILED), byFolder.get(""));
        }
    }

    private void write(String base, List<CatalogEntry> contacts) throws IOException {
        List<String> ids = new ArrayList<>();
        List<CatalogEntry> sorted = new ArrayList<>(contacts);
        sorted.sort(Comparator.comparing(CatalogEntry::itemId));
        try (FileSink sink = target.file(List.of(DIR, base + ".vcf"), ItemKind.CONTACT_FOLDER)) {
            VCardWriter w = new VCardWriter(sink.stream(), VCardVersion.V3_0);
            for (CatalogEntry c : sorted) {
                byte[] photo = null;
                if (c.content().size() > 0) {
                    try {
                        photo = reader.readAll(c.content());
                    } catch (RepositoryException e) {
                        ledger.failed(c.itemId(), ItemKind.CONTACT, new ExportException("photo of contact " + c.itemId()
                                + " left out: " + e.getMessage(), e));
                    }
                }
                VCard card;
                try {
                    card = ContactCards.card(GraphJson.of(c), photo);
                } catch (RuntimeException e) {
                    ledger.failed(c.itemId(), ItemKind.CONTACT, e);
                    ledger.skipped();
                    continue;
                }
                w.write(card);
                ids.add(c.itemId());
                ledger.exported(ItemKind.CONTACT);
            }
            w.flush();
            ledger.file(sink.finish(ids));
        }
    }
}
