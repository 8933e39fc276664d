package io.m365vault.graphsim.mail;

import io.m365vault.graphsim.model.Blobs;
import io.m365vault.graphsim.model.Directory;
import io.m365vault.graphsim.model.Names;
import io.m365vault.graphsim.model.Rng;
import io.m365vault.graphsim.model.SimClock;
import io.m365vault.graphsim.model.SimUser;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a message seed into a {@link MessageSpec}. The mix: plain text, text+HTML, attachments,
 * inline images, non-UTF-8 charsets (ISO-8859-1, windows-1251, ISO-2022-JP), an optional large
 * attachment, and with the dedup knob one tenant-wide attachment shared by many mailboxes.
 */
public final class MailGenerator {
    /** How a generated message was asked for; {@code largeBytes > 0} makes it the large one. */
    public record Request(long contentSeed, SimUser owner, boolean sentByOwner, int largeBytes) {
    }

    private final long tenantSeed;
    private final Directory directory;
    private final double dedupFraction;

    public MailGenerator(long tenantSeed, Directory directory, double dedupFraction) {
        this.tenantSeed = tenantSeed;
        this.directory = directory;
        this.dedupFraction = dedupFraction;
    }

    public MessageSpec spec(Request req) {
        SplittableRandom r = new SplittableRandom(req.contentSeed());
        MessageSpec.Address owner = new MessageSpec.Address(req.owner().displayName, req.owner().address());
        MessageSpec.Address other = correspondent(r);
        MessageSpec.Address from = req.sentByOwner() ? owner : other;
        List<MessageSpec.Address> to = new ArrayList<>(List.of(req.sentByOwner() ? other : owner));
        List<MessageSpec.Address> cc = new ArrayList<>();
        if (r.nextInt(4) == 0) {
            cc.add(correspondent(r));
        }
        Instant date = SimClock.minutesAgo(60 + r.nextInt(525_600)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String messageId = Long.toHexString(r.nextLong() & Long.MAX_VALUE) + "." + Long.toHexString(req.contentSeed() & 0xffffffL)
                + "@" + from.address().substring(from.address().indexOf('@') + 1);
        int kind = r.nextInt(100);
        boolean dedup = r.nextDouble() < dedupFraction;
        String subject = Names.sentence(r, 3 + r.nextInt(4));
        String text = Names.paragraph(r, 2 + r.nextInt(5)) + "\n\n" + from.name() + "\n";
        Charset cs = StandardCharsets.UTF_8;
        String html = null;
        List<MessageSpec.Attachment> atts = new ArrayList<>();
        if (kind < 10) {
            String[][] samples = {
                {"ISO-8859-1", "Grüße aus Köln: Straßenfest", "Schöne Grüße, die Übersicht für nächste Woche folgt. Café à côté."},
                {"windows-1251", "Отчёт за квартал", "Добрый день! Отчёт за квартал во вложении, просьба проверить."},
                {"ISO-2022-JP", "会議の議事録について", "お疲れ様です。会議の議事録を送ります。ご確認ください。"}};
            String[] s = samples[r.nextInt(samples.length)];
            cs = Charset.forName(s[0]);
            subject = s[1] + " " + subject;
            text = s[2] + "\n\n" + text;
        } else if (kind < 45) {
            if (r.nextInt(5) == 0) {
                subject = subject + " \u2013 Ünïcode ✓";
            }
        } else {
            html = html(text, null);
            if (kind >= 80) {
                String cid = "image001.png@" + Long.toHexString(req.contentSeed() & 0xffffffffL);
                html = html(text, cid);
                atts.add(new MessageSpec.Attachment("image001.png", "image/png",
                        Blobs.image(r.nextLong(), "png", 24 + r.nextInt(40)), cid));
            }
            if (kind >= 65 && kind < 90) {
                long s = r.nextLong();
                atts.add(r.nextBoolean()
                        ? new MessageSpec.Attachment(Names.sentence(r, 2).replace(' ', '-') + ".pdf", "application/pdf", Blobs.pdf(s, 2_000 + r.nextInt(60_000)), null)
                        : new MessageSpec.Attachment("figures-" + r.nextInt(100) + ".csv", "text/csv", Blobs.csv(s, 10 + r.nextInt(300)), null));
            }
        }
        if (dedup) {
            atts.add(new MessageSpec.Attachment("Contoso-Employee-Handbook.pdf", "application/pdf",
                    Blobs.pdf(Rng.seed(tenantSeed, "dedup-attachment"), 180_000), null));
        }
        if (req.largeBytes() > 0) {
            subject = "Large attachment: " + subject;
            atts.add(new MessageSpec.Attachment("dataset.bin", "application/octet-stream",
                    Blobs.pdf(req.contentSeed() ^ 0x5eed, req.largeBytes()), null));
        }
        String importance = r.nextInt(10) == 0 ? "high" : "normal";
        return new MessageSpec(from, to, cc, subject, date, messageId, cs, text, html, atts, importance);
    }

    private MessageSpec.Address correspondent(SplittableRandom r) {
        if (r.nextInt(3) == 0) {
            String given = Rng.pick(r, Names.GIVEN);
            String family = Rng.pick(r, Names.FAMILY);
            String name = r.nextInt(4) == 0 ? given + " " + family + "-Müller" : given + " " + family;
            return new MessageSpec.Address(name, (given + "." + family).toLowerCase() + "@fabrikam.example");
        }
        SimUser u = directory.user(r.nextInt(directory.userCount()));
        return new MessageSpec.Address(u.displayName, u.address());
    }

    private static String html(String text, String cid) {
        StringBuilder b = new StringBuilder("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body>");
        for (String p : text.split("\n\n")) {
            b.append("<p>").append(p.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>")).append("</p>");
        }
        if (cid != null) {
            b.append("<p><img src=\"cid:").append(cid).append("\" alt=\"logo\"></p>");
        }
        return b.append("</body></html>").toString();
    }
}
