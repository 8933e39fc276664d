package io.m365vault.graph;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Our estimate of SharePoint's published costs, on the URL forms the SDK and Graph's links use. */
class ResourceUnitEstimateTest {
    private static int get(String url) {
        return ResourceUnitEstimate.of("GET", HttpUrl.get(url), false);
    }

    @Test
    void costsByKindOfRequest() {
        String g = "https://graph.microsoft.com/v1.0/";
        assertEquals(0, get(g + "users/u1/mailFolders/inbox/messages/delta()"), "mail is not SharePoint's");
        assertEquals(0, get(g + "users?$top=999"));
        assertEquals(1, get(g + "users/u1/drive"));
        assertEquals(1, get(g + "drives/b!x"));
        assertEquals(1, get(g + "drives/b!x/items/01AB"));
        assertEquals(2, get(g + "drives/b!x/items/01AB/children"));
        assertEquals(2, get(g + "sites/s1/drives"));
        assertEquals(2, get(g + "sites/getAllSites()"));
        assertEquals(2, get(g + "drives/b!x/items/root/delta()"), "a delta without a token");
        assertEquals(1, get(g + "drives/b!x/items/root/delta()?token=abc"), "a delta with a token");
        assertEquals(1, get(g + "drives/b!x/root/delta(token='abc')"));
        assertEquals(2, get(g + "drives/b!x/items/01AB/content"), "the request and the download it is sent on to");
        assertEquals(5, get(g + "drives/b!x/items/01AB/permissions"));
        assertEquals(5, get(g + "drives/b!x/items/01AB?$expand=permissions"));
        assertEquals(2, ResourceUnitEstimate.of("PATCH", HttpUrl.get(g + "drives/b!x/items/01AB"), false));
        assertEquals(1, ResourceUnitEstimate.of("GET", HttpUrl.get("https://contoso.sharepoint.com/x/_layouts/15/download.aspx?UniqueId=1"), false));
        assertEquals(1, ResourceUnitEstimate.of("GET", HttpUrl.get("https://cdn.example/opaque?sig=1"), true), "a download a drive issued");
        assertEquals(0, ResourceUnitEstimate.of("GET", HttpUrl.get("https://cdn.example/opaque?sig=1"), false));
    }
}
