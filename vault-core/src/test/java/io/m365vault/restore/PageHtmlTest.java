package io.m365vault.restore;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** page.html keeps a text web part's markup but nothing that runs, and shows other web parts as labelled blocks. */
class PageHtmlTest {
    @Test
    void textWebPartsAreSanitisedAndOtherWebPartsLabelled() throws Exception {
        String page = """
                {"title": "Tips <b>&</b> tricks", "name": "Tips.aspx", "webUrl": "https://t.sharepoint.com/sites/a/SitePages/Tips.aspx",
                 "canvasLayout": {"horizontalSections": [{"layout": "oneColumn", "columns": [{"width": 12, "webparts": [
                   {"@odata.type": "#microsoft.graph.textWebPart", "innerHtml":
                    "<p onclick=\\"steal()\\">Hello <strong>team</strong><script>steal()</script><a href=\\"javascript:steal()\\">x</a><img src=\\"x\\" onerror=\\"steal()\\"><style>p{}</style></p>"},
                   {"@odata.type": "#microsoft.graph.standardWebPart", "webPartType": "d1d91016-032f-456d-98a4-721247c305e8",
                    "data": {"title": "Image <script>", "serverProcessedContent": {"links": [{"key": "u", "value": "javascript:steal()"}]}}}]}]}],
                  "verticalSection": {"webparts": [{"@odata.type": "#microsoft.graph.standardWebPart", "webPartType": "abc"}]}}}
                """;
        String html = PageHtml.render(new ObjectMapper().readTree(page));
        assertTrue(html.contains("<title>Tips &lt;b&gt;&amp;&lt;/b&gt; tricks</title>"), html);
        assertTrue(html.contains("Hello <strong>team</strong>"), html);
        for (String bad : new String[] {"<script", "onclick", "onerror", "href=\"javascript:", "<style>p"}) {
            assertFalse(html.contains(bad), bad + " in " + html);
        }
        assertTrue(html.contains("Web part: Image &lt;script&gt;"), html);
        assertTrue(html.contains("Link: <code>javascript:steal()</code>"), "a web part's link is shown as text, never as a link: " + html);
        assertTrue(html.contains("Web part: abc"), "a web part without a title is labelled by its type: " + html);
    }
}
