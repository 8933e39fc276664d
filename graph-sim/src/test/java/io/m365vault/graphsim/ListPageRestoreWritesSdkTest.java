package io.m365vault.graphsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.BooleanColumn;
import com.microsoft.graph.models.CanvasLayout;
import com.microsoft.graph.models.ColumnDefinition;
import com.microsoft.graph.models.FieldValueSet;
import com.microsoft.graph.models.HorizontalSection;
import com.microsoft.graph.models.HorizontalSectionColumn;
import com.microsoft.graph.models.ListInfo;
import com.microsoft.graph.models.ListItem;
import com.microsoft.graph.models.NumberColumn;
import com.microsoft.graph.models.SitePage;
import com.microsoft.graph.models.StandardWebPart;
import com.microsoft.graph.models.TextColumn;
import com.microsoft.graph.models.TextWebPart;
import com.microsoft.graph.models.WebPart;
import com.microsoft.graph.models.WebPartData;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The writes a lists and pages restore makes, through the typed SDK as Graph takes them: a list
 * created with its template and columns (409 nameAlreadyExists for a title in use), a column
 * added, items created (400 for a read-only field), an attachment added through SharePoint REST;
 * a page created as a draft with text and standard web parts (400 for a web part it cannot
 * create), then published; each shown in the snapshot and in what a backup reads.
 */
class ListPageRestoreWritesSdkTest {
    @Test
    void aListWithColumnsItsItemsAndAnAttachmentAsARestoreWritesThem() throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(22).users(8).build().start()) {
            GraphServiceClient graph = SdkClients.forSim(sim);
            String site = sim.tenant().sites().sites().get(1).id;
            var lists = graph.sites().bySiteId(site).lists();

            var made = lists.post(books("Books"));
            assertEquals("Books", made.getDisplayName());
            assertEquals(List.of("Title", "BookAuthor"), made.getColumns().stream().map(ColumnDefinition::getName).toList(),
                    "the template's Title column, then the given ones");
            // A new model each time: the SDK's backing store sends only what changed since a model was last sent.
            ODataError taken = assertThrows(ODataError.class, () -> lists.post(books("books")));
            assertEquals(409, taken.getResponseStatusCode(), "titles are unique whatever the case");
            assertEquals("nameAlreadyExists", taken.getError().getCode());

            ColumnDefinition pages = new ColumnDefinition();
            pages.setName("PageCount");
            pages.setNumber(new NumberColumn());
            assertEquals("PageCount", lists.byListId(made.getId()).columns().post(pages).getName());
            ColumnDefinition twoTypes = new ColumnDefinition();
            twoTypes.setName("Odd");
            twoTypes.setNumber(new NumberColumn());
            twoTypes.setBoolean(new BooleanColumn());
            assertEquals(400, assertThrows(ODataError.class, () -> lists.byListId(made.getId()).columns().post(twoTypes)).getResponseStatusCode());

            var items = lists.byListId(made.getId()).items();
            ListItem item = item(Map.of("Title", "Dune", "BookAuthor", "Herbert", "PageCount", 412));
            ListItem created = items.post(item);
            assertEquals("1", created.getId());
            ODataError readOnly = assertThrows(ODataError.class, () -> items.post(item(Map.of("Title", "Emma", "Created", "2020-01-01T00:00:00Z"))));
            assertEquals(400, readOnly.getResponseStatusCode());
            assertTrue(readOnly.getError().getMessage().contains("read-only"), readOnly.getError().getMessage());

            // The attachment through SharePoint REST, as the restore adds it.
            String webUrl = graph.sites().bySiteId(site).get().getWebUrl();
            String add = webUrl + "/_api/web/lists(guid'" + made.getId() + "')/items(1)/AttachmentFiles/add(FileName='Cover%20art.txt')";
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(add))
                    .POST(HttpRequest.BodyPublishers.ofString("cover")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"FileName\":\"Cover art.txt\""), r.body());

            JsonNode shown = null;
            for (JsonNode i : sim.snapshot(site).path("lists")) {
                shown = i.get("list").asText().equals("Books") ? i : shown;
            }
            assertEquals("Herbert", shown.path("fields").path("BookAuthor").asText());
            assertEquals(412, shown.path("fields").path("PageCount").asInt());
            assertEquals("Cover art.txt", shown.path("attachments").get(0).path("name").asText());
            assertEquals(5, shown.path("attachments").get(0).path("size").asInt());
            assertTrue(items.byListItemId("1").get(rc -> rc.queryParameters.expand = new String[] {"fields"})
                    .getFields().getAdditionalData().get("Attachments").equals(true), "the item shows it has files");
        }
    }

    @Test
    void aPageCreatedAsADraftWithItsWebPartsThenPublished() throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(23).users(8).build().start()) {
            GraphServiceClient graph = SdkClients.forSim(sim);
            String site = sim.tenant().sites().sites().get(1).id;
            var pages = graph.sites().bySiteId(site).pages();

            SitePage made = (SitePage) pages.post(page("Restored.aspx", textPart(), standardPart("c70391ea-0b10-4ee9-b2b4-006d3fcad0cd")));
            assertEquals("Restored.aspx", made.getName());
            assertEquals("checkout", made.getPublishingState().getLevel(), "a created page is a draft");
            assertEquals(409, assertThrows(ODataError.class, () -> pages.post(page("Restored.aspx", textPart()))).getResponseStatusCode(), "the name is taken");
            ODataError refused = assertThrows(ODataError.class, () -> pages.post(page("Other.aspx", textPart(), standardPart("not-a-guid"))));
            assertEquals(400, refused.getResponseStatusCode());
            assertEquals("invalidRequest", refused.getError().getCode());

            JsonNode draft = shown(sim, site, "Restored.aspx");
            assertFalse(draft.path("published").asBoolean());
            // The SDK (6.x) has no builder for publish: the documented POST through its request adapter.
            com.microsoft.kiota.RequestInformation publish = new com.microsoft.kiota.RequestInformation();
            publish.httpMethod = com.microsoft.kiota.HttpMethod.POST;
            publish.setUri(URI.create(sim.baseUrl() + "/sites/" + site + "/pages/" + made.getId() + "/microsoft.graph.sitePage/publish"));
            graph.getRequestAdapter().sendPrimitive(publish, null, Void.class);
            JsonNode published = shown(sim, site, "Restored.aspx");
            assertTrue(published.path("published").asBoolean());
            JsonNode parts = published.path("canvasLayout").path("horizontalSections").get(0).path("columns").get(0).path("webparts");
            assertEquals("<p>Hello</p>", parts.get(0).path("innerHtml").asText());
            assertEquals("c70391ea-0b10-4ee9-b2b4-006d3fcad0cd", parts.get(1).path("webPartType").asText());
            SitePage read = pages.byBaseSitePageId(made.getId()).graphSitePage().get(rc -> rc.queryParameters.expand = new String[] {"canvasLayout"});
            assertEquals("published", read.getPublishingState().getLevel());
            assertEquals(2, read.getCanvasLayout().getHorizontalSections().get(0).getColumns().get(0).getWebparts().size());
            pages.byBaseSitePageId(made.getId()).delete();
            assertTrue(shown(sim, site, "Restored.aspx").isMissingNode(), "deleted");
        }
    }

    private static com.microsoft.graph.models.List books(String name) {
        com.microsoft.graph.models.List books = new com.microsoft.graph.models.List();
        books.setDisplayName(name);
        ListInfo info = new ListInfo();
        info.setTemplate("genericList");
        books.setList(info);
        ColumnDefinition author = new ColumnDefinition();
        author.setName("BookAuthor");
        author.setText(new TextColumn());
        books.setColumns(List.of(author));
        return books;
    }

    private static JsonNode shown(GraphSim sim, String site, String name) {
        for (JsonNode p : sim.snapshot(site).path("pages")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static ListItem item(Map<String, Object> values) {
        ListItem item = new ListItem();
        FieldValueSet fields = new FieldValueSet();
        fields.setAdditionalData(new java.util.HashMap<>(values));
        item.setFields(fields);
        return item;
    }

    private static SitePage page(String name, WebPart... parts) {
        SitePage page = new SitePage();
        page.setOdataType("#microsoft.graph.sitePage");
        page.setName(name);
        page.setTitle("Restored");
        page.setPageLayout(com.microsoft.graph.models.PageLayoutType.Article);
        HorizontalSectionColumn column = new HorizontalSectionColumn();
        column.setId("1");
        column.setWidth(12);
        column.setWebparts(List.of(parts));
        HorizontalSection section = new HorizontalSection();
        section.setId("1");
        section.setLayout(com.microsoft.graph.models.HorizontalSectionLayoutType.OneColumn);
        section.setColumns(List.of(column));
        CanvasLayout canvas = new CanvasLayout();
        canvas.setHorizontalSections(List.of(section));
        page.setCanvasLayout(canvas);
        return page;
    }

    private static TextWebPart textPart() {
        TextWebPart t = new TextWebPart();
        t.setOdataType("#microsoft.graph.textWebPart");
        t.setId("6f9230af-2a98-4952-b205-9ede4f9ef548");
        t.setInnerHtml("<p>Hello</p>");
        return t;
    }

    private static StandardWebPart standardPart(String type) {
        StandardWebPart s = new StandardWebPart();
        s.setOdataType("#microsoft.graph.standardWebPart");
        s.setId("73d07dde-3474-4545-badb-f28ba239e0e1");
        s.setWebPartType(type);
        WebPartData data = new WebPartData();
        data.setTitle("Quick links");
        s.setData(data);
        return s;
    }
}
