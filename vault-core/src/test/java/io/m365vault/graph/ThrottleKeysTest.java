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
        assertEquals(ThrottleKeys.TENANT, key("https://contoso.sharepoint.com/download.aspx?tempauth=x"));
    }
}
