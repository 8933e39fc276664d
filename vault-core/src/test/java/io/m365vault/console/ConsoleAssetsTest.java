package io.m365vault.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The console's files by name and nothing else; the page's links resolve under the base's slash form. */
class ConsoleAssetsTest {
    @Test
    void servesThePageAndItsAssetsWithTheirTypesAndPolicy() {
        ConsoleAssets.Answer page = ConsoleAssets.get("/console/", "");
        assertEquals(200, page.status());
        assertEquals("text/html; charset=utf-8", page.headers().get("Content-Type"));
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("<script src=\"console.js\"") && html.contains("href=\"console.css\""), html);
        assertTrue(page.headers().get("Content-Security-Policy").contains("script-src 'self'"));
        assertEquals("nosniff", page.headers().get("X-Content-Type-Options"));
        assertEquals(new String(page.body(), StandardCharsets.UTF_8), new String(ConsoleAssets.get("/console/index.html", "index.html").body(),
                StandardCharsets.UTF_8));
        assertEquals("text/javascript; charset=utf-8", ConsoleAssets.get("/api/console/console.js", "console.js").headers().get("Content-Type"));
        assertEquals("text/css; charset=utf-8", ConsoleAssets.get("/api/console/console.css", "console.css").headers().get("Content-Type"));
    }

    @Test
    void theBareBaseIsSentToItsSlashForm() {
        ConsoleAssets.Answer a = ConsoleAssets.get("/api/console", null);
        assertEquals(301, a.status());
        assertEquals("/api/console/", a.headers().get("Location"));
    }

    @Test
    void noOtherNameIsRead() {
        for (String name : new String[] {"ConsoleAssets.class", "../service/ApiHandler.class", "/io/m365vault/console/index.html",
                "index.htm", "console.js/", "%2e%2e/config", "META-INF/MANIFEST.MF"}) {
            ConsoleAssets.Answer a = ConsoleAssets.get("/console/" + name, name);
            assertEquals(404, a.status(), name);
            assertEquals("not found\n", new String(a.body(), StandardCharsets.UTF_8), name);
        }
    }
}
