package io.m365vault.graphsim;

import com.microsoft.graph.models.BaseSitePage;
import com.microsoft.graph.models.SitePage;
import com.microsoft.graph.models.TextWebPart;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageSdkTest {
    @Test
    void pagesListAndOnePageWithItsCanvasLayout() throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(4).users(10).build().start()) {
            GraphServiceClient graph = SdkClients.forSim(sim);
            var site = sim.tenant().sites().sites().get(2);
            List<BaseSitePage> pages = graph.sites().bySiteId(site.id).pages().get().getValue();
            assertEquals(3, pages.size());
            for (BaseSitePage p : pages) {
                assertInstanceOf(SitePage.class, p);
                assertTrue(p.getWebUrl().startsWith(site.webUrl + "/SitePages/"));
                assertNotNull(p.getLastModifiedDateTime());
                assertNotNull(p.getPageLayout());
            }
            String id = pages.get(0).getId();
            SitePage plain = graph.sites().bySiteId(site.id).pages().byBaseSitePageId(id).graphSitePage().get();
            assertNull(plain.getCanvasLayout());
            SitePage full = graph.sites().bySiteId(site.id).pages().byBaseSitePageId(id).graphSitePage()
                    .get(rc -> rc.queryParameters.expand = new String[] {"canvasLayout"});
            assertEquals(pages.get(0).getTitle(), full.getTitle());
            var section = full.getCanvasLayout().getHorizontalSections().get(0);
            TextWebPart text = assertInstanceOf(TextWebPart.class, section.getColumns().get(0).getWebparts().get(0));
            assertTrue(text.getInnerHtml().startsWith("<h2>"));
            var quickLinks = full.getCanvasLayout().getHorizontalSections().get(2).getColumns().get(0).getWebparts().get(0);
            assertEquals("Quick links", assertInstanceOf(com.microsoft.graph.models.StandardWebPart.class, quickLinks).getData().getTitle());
        }
    }
}
