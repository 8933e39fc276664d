package io.m365vault.graphsim;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.models.MailFolderCollectionResponse;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.m365vault.graphsim.http.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchSdkTest {
    @Test
    void eachStepHasItsOwnStatusIncluding429() throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(2).users(8).build().start()) {
            GraphServiceClient graph = SdkClients.forSim(sim);
            String a = sim.tenant().directory().user(0).id;
            String b = sim.tenant().directory().user(6).id;
            var inject = Json.obj();
            inject.putArray("inject").addObject().put("path", "users/" + b + "/mailFolders").put("status", 429).put("count", 1);
            sim.faults(inject);
            BatchRequestContent batch = new BatchRequestContent(graph);
            String s1 = batch.addBatchRequestStep(graph.users().byUserId(a).mailFolders().toGetRequestInformation());
            String s2 = batch.addBatchRequestStep(graph.users().byUserId(b).mailFolders().toGetRequestInformation());
            String s3 = batch.addBatchRequestStep(graph.users().byUserId(a).toGetRequestInformation());
            BatchResponseContent resp = graph.getBatchRequestBuilder().post(batch, null);
            assertEquals(200, resp.getResponseById(s1).code());
            MailFolderCollectionResponse folders = resp.getResponseById(s1, MailFolderCollectionResponse::createFromDiscriminatorValue);
            assertTrue(folders.getValue().size() > 5);
            assertEquals(429, resp.getResponseById(s2).code());
            assertTrue(resp.getResponseById(s2).header("Retry-After") != null);
            User u = resp.getResponseById(s3, User::createFromDiscriminatorValue);
            assertEquals(a, u.getId());
        }
    }

    @Test
    void moreThanTwentyStepsIsRefused() throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(2).users(3).build().start()) {
            var body = Json.obj();
            var reqs = body.putArray("requests");
            for (int i = 0; i < 21; i++) {
                reqs.addObject().put("id", Integer.toString(i)).put("method", "GET").put("url", "/users");
            }
            var http = java.net.http.HttpClient.newHttpClient();
            var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.baseUrl() + "/$batch"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode());
        }
    }
}
