package io.m365vault.testkit.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.util.BinaryData;
import com.azure.core.util.HttpClientOptions;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.TableServiceClientBuilder;
import com.azure.data.tables.models.TableEntity;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import io.m365vault.testkit.AzuriteExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AzuriteExtension.class)
class FaultyStorageTest {
    private static final String REPO = "f" + Long.toString(System.nanoTime(), 36);

    /**
     * A client that gives up on an answer after 700 ms, for the faults; the container is made with
     * the SDK's own timeouts first, since on a loaded machine that alone may take longer.
     */
    private static BlobContainerClient container(String connectionString, int tries) {
        new BlobServiceClientBuilder().connectionString(connectionString).buildClient().getBlobContainerClient(REPO).createIfNotExists();
        return new BlobServiceClientBuilder().connectionString(connectionString)
                .clientOptions(new HttpClientOptions().setResponseTimeout(Duration.ofMillis(700)))
                .retryOptions(new RequestRetryOptions(RetryPolicyType.FIXED, tries, (Duration) null, Duration.ofMillis(50),
                        Duration.ofMillis(50), null))
                .buildClient().getBlobContainerClient(REPO);
    }

    @Test
    void aFaultHitsOnlyTheArmedOccurrencesOfItsKindAndARetryGoesThrough(AzuriteExtension.StorageAccount account) {
        FaultPlan plan = new FaultPlan(Duration.ofSeconds(1));
        try (FaultyStorage storage = FaultyStorage.inFrontOf(account.connectionString(), plan)) {
            BlobContainerClient c = container(storage.connectionString(), 3);
            plan.arm(CallKind.PACK_UPLOAD, 2, 1, Fault.ERROR_503);
            c.getBlobClient("packs/ab/one").upload(BinaryData.fromString("1"), true);
            c.getBlobClient("config").upload(BinaryData.fromString("c"), true);
            c.getBlobClient("packs/ab/two").upload(BinaryData.fromString("2"), true);
            assertEquals(1, plan.hits());
            assertEquals(3, plan.counts().get(CallKind.PACK_UPLOAD), "the 503 and its retry are both counted");
            assertEquals(1, plan.counts().get(CallKind.BLOB_WRITE));
            assertEquals("2", c.getBlobClient("packs/ab/two").downloadContent().toString());
        }
    }

    @Test
    void aLostAnswerMeansStorageDidTheCallAndTheClientDoesNotKnow(AzuriteExtension.StorageAccount account) {
        FaultPlan plan = new FaultPlan(Duration.ofSeconds(1));
        try (FaultyStorage storage = FaultyStorage.inFrontOf(account.connectionString(), plan)) {
            BlobContainerClient c = container(storage.connectionString(), 1);
            plan.arm(CallKind.PACK_UPLOAD, 1, 1, Fault.ANSWER_LOST);
            assertThrows(RuntimeException.class, () -> c.getBlobClient("packs/ab/lost").upload(BinaryData.fromString("x"), true));
            plan.disarm();
            assertEquals("x", c.getBlobClient("packs/ab/lost").downloadContent().toString());

            plan.arm(CallKind.PACK_UPLOAD, 1, 1, Fault.RESET);
            assertThrows(RuntimeException.class, () -> c.getBlobClient("packs/ab/reset").upload(BinaryData.fromString("y"), true));
            plan.disarm();
            assertFalse(c.getBlobClient("packs/ab/reset").exists(), "a reset before the call: storage never saw it");
        }
    }

    @Test
    void aLateCallTimesOutAtTheClientAndStillHappens(AzuriteExtension.StorageAccount account) throws Exception {
        FaultPlan plan = new FaultPlan(Duration.ofMillis(1500));
        try (FaultyStorage storage = FaultyStorage.inFrontOf(account.connectionString(), plan)) {
            BlobContainerClient c = container(storage.connectionString(), 1);
            plan.arm(CallKind.PACK_UPLOAD, 1, 1, Fault.TIMEOUT);
            assertThrows(RuntimeException.class, () -> c.getBlobClient("packs/ab/late").upload(BinaryData.fromString("z"), true));
            plan.disarm();
            assertFalse(c.getBlobClient("packs/ab/late").exists(), "not yet");
            Thread.sleep(2500);
            assertEquals("z", c.getBlobClient("packs/ab/late").downloadContent().toString());
        }
    }

    @Test
    void aKilledWorkerReachesNothingAfterItsLastCallUntilDisarmed(AzuriteExtension.StorageAccount account) {
        FaultPlan plan = new FaultPlan(Duration.ofSeconds(1));
        try (FaultyStorage storage = FaultyStorage.inFrontOf(account.connectionString(), plan)) {
            BlobContainerClient c = container(storage.connectionString(), 1);
            TableClient t = new TableServiceClientBuilder().connectionString(storage.connectionString()).buildClient()
                    .createTableIfNotExists(REPO + "catalog");
            plan.arm(CallKind.CATALOG_WRITE, 2, 1, Fault.KILL_AFTER);
            t.upsertEntity(new TableEntity("p", "1"));
            assertThrows(RuntimeException.class, () -> t.upsertEntity(new TableEntity("p", "2")), "its answer never comes back");
            assertTrue(plan.killed());
            assertThrows(RuntimeException.class, () -> c.getBlobClient("packs/ab/after").upload(BinaryData.fromString("a"), true));
            plan.disarm();
            assertEquals("p", t.getEntity("p", "2").getPartitionKey(), "the call it died after reached storage");
            assertFalse(c.getBlobClient("packs/ab/after").exists(), "nothing after it did");
        }
    }
}
