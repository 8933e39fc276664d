package io.m365vault.graph;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThrottleKeysTest {
    private static String key(String url) {
        return ThrottleKeys.of(HttpUrl.get(url));
    }

    @Test
    void mailboxesDrivesGroupsAndSitesHaveTheirOwnKey() {
        assertEquals("users/abc", key("https://graph.microsoft.com/v1.0/users/ABC/mailFolders/inbox/messages/delta()?$select=id"));
        assertEquals("users/adele@contoso.com", key("https://graph.microsoft.com/v1.0/users/Adele@Contoso.com/messages/x/$value"));
        assertEquals("drives/b!x", key("http://127.0.0.1:9/v1.0/drives/b!x/root/delta"));
        assertEquals("groups/g1", key("https://graph.microsoft.com/beta/groups/g1/drive/root"));
        assertEquals("sites/h,1,2", key("https://graph.microsoft.com/v1.0/sites/h,1,2/lists"));
        assertEquals("me", key("https://graph.microsoft.com/v1.0/me/messages"));
    }

    @Test
    void collectionsAndEverythingElseShareTheTenantKey() {
        assertEquals(ThrottleKeys.TENANT, key("https://graph.microsoft.com/v1.0/users?$top=999"));
        assertEquals(ThrottleKeys.TENANT, key("https://graph.microsoft.com/v1.0/users/delta()"));
        assertEquals(ThrottleKeys.TENANT, key("https://graph.microsoft.com/v1.0/users/$count"));
        assertEquals(ThrottleKeys.TENANT, key("https://graph.microsoft.com/v1.0/sites/getAllSites"));
        assertEquals(ThrottleKeys.TENANT, key("https://graph.microsoft.com/v1.0/$batch"));
        assertEquals(ThrottleKeys.TENANT, key("https://contoso.sharepoint.com/download.aspx?tempauth=x"), "a download URL by itself names no drive");
    }

    @Test
    void aDownloadUrlIsThrottledAsTheDriveThatIssuedIt() {
        ThrottleGovernor governor = new ThrottleGovernor(ThrottleConfig.defaults());
        String a = "https://contoso.sharepoint.com/sites/hr/_layouts/15/download.aspx?UniqueId=1&tempauth=x";
        String b = "https://contoso.sharepoint.com/sites/hr/_layouts/15/download.aspx?UniqueId=2&tempauth=y";
        governor.issued(a, "https://graph.microsoft.com/v1.0/drives/B!Hr/items/01ABC");
        governor.issued(b, "https://graph.microsoft.com/v1.0/drives/b!Finance/items/01DEF");
        assertEquals("drives/b!hr", governor.keyOf(HttpUrl.get(a)));
        assertEquals("drives/b!finance", governor.keyOf(HttpUrl.get(b)), "same host and path, another drive: the query tells them apart");
        assertEquals(ThrottleKeys.TENANT, governor.keyOf(HttpUrl.get(a.replace("tempauth=x", "tempauth=z"))), "a URL never issued");
        assertEquals("users/abc", governor.keyOf(HttpUrl.get("https://graph.microsoft.com/v1.0/users/abc/messages")), "Graph URLs as before");
    }

    @Test
    void theRegistryForgetsTheOldestUrlsBeyondItsBound() {
        ThrottleGovernor governor = new ThrottleGovernor(ThrottleConfig.defaults());
        String first = "https://contoso.sharepoint.com/_layouts/15/download.aspx?UniqueId=0";
        for (int i = 0; i <= DownloadKeys.MAX; i++) {
            governor.issued("https://contoso.sharepoint.com/_layouts/15/download.aspx?UniqueId=" + i, "https://graph.microsoft.com/v1.0/drives/d/items/" + i);
        }
        assertEquals(ThrottleKeys.TENANT, governor.keyOf(HttpUrl.get(first)));
        assertEquals("drives/d", governor.keyOf(HttpUrl.get("https://contoso.sharepoint.com/_layouts/15/download.aspx?UniqueId=" + DownloadKeys.MAX)));
    }
}
