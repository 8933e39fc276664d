package io.m365vault.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.functions.HttpResponseMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Console function as the host calls it: the page and its assets by name, the bare base sent on, nothing else. */
class ConsoleApiTest {
    private final ConsoleApi console = new ConsoleApi();

    @Test
    void servesThePageItsAssetsAndNothingElse() {
        HttpResponseMessage page = console.get(TestRequest.get().at("https://app.example/api/console/"), null);
        assertEquals(200, page.getStatusCode());
        assertEquals("text/html; charset=utf-8", page.getHeader("Content-Type"));
        assertTrue(new String((byte[]) page.getBody(), StandardCharsets.UTF_8).contains("m365vault console"));
        HttpResponseMessage js = console.get(TestRequest.get().at("https://app.example/api/console/console.js"), "console.js");
        assertEquals(200, js.getStatusCode());
        assertTrue(js.getHeader("Content-Security-Policy").contains("frame-ancestors 'none'"));

        HttpResponseMessage bare = console.get(TestRequest.get().at("https://app.example/api/console"), null);
        assertEquals(301, bare.getStatusCode());
        assertEquals("/api/console/", bare.getHeader("Location"));
        assertEquals(404, console.get(TestRequest.get().at("https://app.example/api/console/host.json"), "../host.json").getStatusCode());
    }
}
