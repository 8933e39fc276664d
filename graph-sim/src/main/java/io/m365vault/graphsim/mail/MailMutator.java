package io.m365vault.graphsim.mail;

import io.m365vault.graphsim.control.MutationCounts;
import io.m365vault.graphsim.control.WorkloadMutator;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.graphsim.model.TenantModel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A day in a mailbox: new mail arrives, some is read or flagged, filed into folders, deleted. */
public final class MailMutator implements WorkloadMutator {
    private static final String[] FILE_INTO = {"archive", "deleteditems"};
    private final TenantModel tenant;

    public MailMutator(TenantModel tenant) {
        this.tenant = tenant;
    }

    @Override
    public String kind() {
        return "messages";
    }

    @Override
    public List<String> owners() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tenant.directory().userCount(); i++) {
            SimUser u = tenant.directory().user(i);
            if (u.hasMailbox()) {
                out.add(u.id);
            }
        }
        return out;
    }

    @Override
    public void mutate(String owner, SplittableRandom r, double fraction, MutationCounts counts) {
        Mailbox box = tenant.mailbox(owner);
        synchronized (box) {
            List<MailItem> all = box.messages();
            for (MailItem m : all) {
                if (r.nextDouble() >= fraction) {
                    continue;
                }
                int op = r.nextInt(10);
                if (op < 4) {
                    m.isRead = !m.isRead;
                    m.flagStatus = r.nextBoolean() ? "flagged" : "complete";
                    box.edit(m);
                    counts.edited++;
                } else if (op < 7) {
                    MailFolder target = box.folder(FILE_INTO[r.nextInt(FILE_INTO.length)]);
                    if (target.id().equals(m.folderId)) {
                        target = box.folder("inbox");
                    }
                    box.move(m, target);
                    counts.moved++;
                } else {
                    box.delete(m);
                    counts.deleted++;
                }
            }
            int adds = (int) Math.round(all.size() * fraction);
            MailFolder inbox = box.folder("inbox");
            for (int i = 0; i < adds; i++) {
                MailGenerator.Request req = new MailGenerator.Request(r.nextLong(), box.owner, false, 0);
                MailItem m = box.create(inbox, MimeSource.generated(() -> tenant.mailGenerator().spec(req)));
                m.isRead = false;
                counts.added++;
            }
        }
    }
}
