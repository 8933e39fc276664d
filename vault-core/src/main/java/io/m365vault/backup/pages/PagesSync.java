package io.m365vault.backup.pages;

import io.m365vault.backup.Collection;
import io.m365vault.backup.CollectionSync;
import io.m365vault.backup.SyncContext;
import io.m365vault.backup.WorkloadSync;
import java.io.IOException;

/**
 * The site pages of a site ({@code sites/{id}/pages/microsoft.graph.sitePage}), listed whole each
 * run (pages have no delta): a page not listed any more closes, one whose canvas cannot be read is
 * a failed item and comes up again in the next listing.
 */
public final class PagesSync implements WorkloadSync {
    static final String PAGES = "pages";

    @Override
    public void run(SyncContext ctx) throws IOException {
        new CollectionSync(ctx).run(Collection.listing(PAGES, ctx.base() + "/pages/microsoft.graph.sitePage", new PageShape(ctx.base()), null));
    }
}
