package io.m365vault.graphsim.site;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.control.MutationCounts;
import io.m365vault.graphsim.control.WorkloadMutator;
import io.m365vault.graphsim.model.Names;
import io.m365vault.graphsim.model.Rng;
import io.m365vault.graphsim.model.TenantModel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * List items get retitled and re-estimated, some are deleted, new ones are filed; an issue tracker
 * gains a "Category" column, which the items edited or filed from then on fill; some edits add or
 * remove an attachment. Owners are site ids.
 */
public final class ListItemMutator implements WorkloadMutator {
    private final TenantModel tenant;

    public ListItemMutator(TenantModel tenant) {
        this.tenant = tenant;
    }

    @Override
    public String kind() {
        return "listItems";
    }

    @Override
    public List<String> owners() {
        List<String> out = new ArrayList<>();
        for (SimSite s : tenant.sites().sites()) {
            out.add(s.id);
        }
        return out;
    }

    /**
     * Some edits change the item's files too: one in four gains a file, one in four with files loses
     * its first. Drawn from the item itself, so the mutation's own draws (and so its counts) stay as they were.
     */
    private void attachments(SiteContent c, SiteList l, ListItemRecord i) {
        SplittableRandom a = Rng.of(tenant.seed(), "attach:" + l.id + ":" + i.id() + ":" + i.version);
        int pick = a.nextInt(4);
        if (pick == 0) {
            c.attach(i, ListAttachment.generated(a, "Added v" + i.version + ".txt", false));
        } else if (pick == 1 && !i.attachments.isEmpty()) {
            c.detach(i, i.attachments.get(0).name());
        }
    }

    @Override
    public void mutate(String owner, SplittableRandom r, double fraction, MutationCounts counts) {
        SiteContent c = tenant.siteContent(owner);
        synchronized (c) {
            for (SiteList l : c.lists.values()) {
                if (!l.template.equals("genericList") && !l.template.equals("issueTracking") || l.hidden) {
                    continue; // the people list follows the items that name people; libraries are drives
                }
                if (l.template.equals("issueTracking") && c.addColumn(l, c.categoryColumn(l))) {
                    counts.edited++;
                }
                List<ListItemRecord> live = c.liveItems(l);
                for (ListItemRecord i : live) {
                    if (r.nextDouble() >= fraction) {
                        continue;
                    }
                    if (r.nextInt(3) > 0) {
                        ObjectNode change = c.fields(l, r);
                        change.put("Title", "Updated: " + Names.sentence(r, 3));
                        c.edit(i, change);
                        attachments(c, l, i);
                        counts.edited++;
                    } else {
                        c.delete(i);
                        counts.deleted++;
                    }
                }
                int adds = (int) Math.round(live.size() * fraction);
                for (int k = 0; k < adds; k++) {
                    c.create(l, c.fields(l, r), "Mutator");
                    counts.added++;
                }
            }
        }
    }
}
