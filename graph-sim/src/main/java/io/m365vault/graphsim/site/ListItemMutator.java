package io.m365vault.graphsim.site;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.control.MutationCounts;
import io.m365vault.graphsim.control.WorkloadMutator;
import io.m365vault.graphsim.model.Names;
import io.m365vault.graphsim.model.TenantModel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * List items get retitled and re-estimated, some are deleted, new ones are filed; an issue tracker
 * gains a "Category" column, which the items edited or filed from then on fill. Owners are site ids.
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
