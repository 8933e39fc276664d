package io.m365vault.graphsim.site;

import io.m365vault.graphsim.control.MutationCounts;
import io.m365vault.graphsim.control.WorkloadMutator;
import io.m365vault.graphsim.model.Names;
import io.m365vault.graphsim.model.TenantModel;

import java.util.List;
import java.util.SplittableRandom;

/** Site pages get edited (new title, new canvas text); pages are not added or deleted. Owners are site ids. */
public final class PageMutator implements WorkloadMutator {
    private final TenantModel tenant;

    public PageMutator(TenantModel tenant) {
        this.tenant = tenant;
    }

    @Override
    public String kind() {
        return "pages";
    }

    @Override
    public List<String> owners() {
        return new ListItemMutator(tenant).owners();
    }

    @Override
    public void mutate(String owner, SplittableRandom r, double fraction, MutationCounts counts) {
        SiteContent c = tenant.siteContent(owner);
        synchronized (c) {
            for (SitePageRecord p : c.pages.values()) {
                if (r.nextDouble() < fraction) {
                    c.editPage(p, Names.sentence(r, 3));
                    counts.edited++;
                }
            }
        }
    }
}
