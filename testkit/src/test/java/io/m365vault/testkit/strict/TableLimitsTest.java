package io.m365vault.testkit.strict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.azure.core.exception.HttpResponseException;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.TableClientBuilder;
import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.data.tables.models.TableEntity;
import com.azure.data.tables.models.TableTransactionAction;
import com.azure.data.tables.models.TableTransactionActionType;
import com.azure.data.tables.models.TableTransactionFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each table limit, through the real SDK into a real Azurite: refused just past it, taken just inside. */
class TableLimitsTest {
    private TableClient table;

    @BeforeEach
    void table() {
        table = new TableClientBuilder().connectionString(StrictFixture.connectionString())
                .tableName("strict" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).buildClient();
        table.createTable();
    }

    @Test
    void aFilterMayHoldFifteenComparisonsNotSixteen() {
        table.createEntity(new TableEntity("p", "r7"));
        assertEquals(1, table.listEntities(new ListEntitiesOptions().setFilter(filter(15)), null, null).stream().count());
        refused(400, "InvalidInput", () -> table.listEntities(new ListEntitiesOptions().setFilter(filter(16)), null, null).stream().count());
    }

    /** PartitionKey eq 'p' and (RowKey eq 'r0' or ...): 1 + (n - 1) comparisons. */
    private static String filter(int comparisons) {
        return "PartitionKey eq 'p' and (" + IntStream.range(0, comparisons - 1).mapToObj(i -> "RowKey eq 'r" + i + "'")
                .collect(Collectors.joining(" or ")) + ")";
    }

    @Test
    void anEntityHasAtMost255PropertiesWithItsKeysAndTimestamp() {
        table.createEntity(withProperties("a", 252));
        refused(400, "TooManyProperties", () -> table.createEntity(withProperties("b", 253)));
    }

    private static TableEntity withProperties(String row, int custom) {
        TableEntity e = new TableEntity("p", row);
        for (int i = 0; i < custom; i++) {
            e.addProperty("c" + i, i);
        }
        return e;
    }

    @Test
    void aPropertyNameIsAtMost255Characters() {
        table.createEntity(new TableEntity("p", "a").addProperty("n".repeat(255), 1));
        refused(400, "PropertyNameTooLong", () -> table.createEntity(new TableEntity("p", "b").addProperty("n".repeat(256), 1)));
    }

    @Test
    void aStringPropertyIsAtMost64KiBInUtf16() {
        table.createEntity(new TableEntity("p", "a").addProperty("s", "x".repeat(32 * 1024)));
        refused(400, "PropertyValueTooLarge", () -> table.createEntity(new TableEntity("p", "b").addProperty("s", "x".repeat(32 * 1024 + 1))));
    }

    @Test
    void aBinaryPropertyIsAtMost64KiB() {
        table.upsertEntity(new TableEntity("p", "a").addProperty("b", new byte[64 * 1024]));
        refused(400, "PropertyValueTooLarge", () -> table.upsertEntity(new TableEntity("p", "b").addProperty("b", new byte[64 * 1024 + 1])));
    }

    /**
     * 15 string properties of 64 KiB (UTF-16) and one "pad" sized to bring the entity to exactly
     * 1 MiB by the documented reckoning: 4 + keys in UTF-16 + Timestamp (8 + 18 + 8) + per
     * property (8 + name in UTF-16 + 4 + value). Strings, not binary: Azurite refuses a request
     * body over 1 MB itself, and base64 would make a 1 MiB binary entity a 1.4 MB body.
     */
    @Test
    void anEntityIsAtMost1MiB() {
        long fixed = 4 + 2 * 2 + 34 + 15 * (8 + 6 + 4 + 64 * 1024) + (8 + 6 + 4);
        int padChars = (int) (1024 * 1024 - fixed) / 2;
        table.upsertEntity(oneMiB("a", padChars));
        refused(400, "EntityTooLarge", () -> table.upsertEntity(oneMiB("b", padChars + 1)));
    }

    private static TableEntity oneMiB(String row, int padChars) {
        TableEntity e = new TableEntity("p", row);
        for (int i = 0; i < 15; i++) {
            e.addProperty(String.format("s%02d", i), "x".repeat(32 * 1024));
        }
        return e.addProperty("pad", "x".repeat(padChars));
    }

    @Test
    void keysAreAtMost1KiB() {
        table.upsertEntity(new TableEntity("p", "k".repeat(512)));
        table.createEntity(new TableEntity("q".repeat(512), "r"));
        refused(400, "KeyValueTooLarge", () -> table.upsertEntity(new TableEntity("p", "k".repeat(513))));
        refused(400, "KeyValueTooLarge", () -> table.createEntity(new TableEntity("q".repeat(513), "r")));
    }

    @Test
    void keysHoldNoSlashBackslashHashQuestionMarkOrControlCharacter() {
        table.createEntity(new TableEntity("p", "a-b_c.d+e=f~g'h"));
        // In a URL a quote inside a key is doubled; the proxy reads it back as one.
        table.upsertEntity(new TableEntity("it's", "a 'quoted' key").addProperty("v", 1));
        assertEquals(1, table.getEntity("it's", "a 'quoted' key").getProperty("v"));
        for (String bad : List.of("a/b", "a\\b", "a#b", "a?b", "a\u0000b", "a\u001Fb", "a\u007Fb", "a\u009Fb")) {
            refused(400, "OutOfRangeInput", () -> table.createEntity(new TableEntity("p", bad)));
            refused(400, "OutOfRangeInput", () -> table.createEntity(new TableEntity(bad, "r")));
        }
    }

    @Test
    void aTransactionHoldsAtMost100Operations() {
        table.submitTransaction(upserts("p", 100, 0));
        TableTransactionFailedException e = assertThrows(TableTransactionFailedException.class,
                () -> table.submitTransaction(upserts("p", 101, 0)));
        assertEquals("InvalidInput", e.getValue().getErrorCode().toString());
    }

    @Test
    void aTransactionIsAtMost4MiB() {
        // An entity is about 66 KB on the wire (base64 of 48 KiB): 62 of them are 3.9 MiB, 64 are 4.0x MiB.
        table.submitTransaction(bulky(62));
        refused(413, "RequestBodyTooLarge", () -> table.submitTransaction(bulky(64)));
    }

    private static List<TableTransactionAction> bulky(int n) {
        List<TableTransactionAction> actions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TableEntity e = new TableEntity("p", "r" + i).addProperty("a", new byte[48 * 1024]);
            actions.add(new TableTransactionAction(TableTransactionActionType.UPSERT_REPLACE, e));
        }
        return actions;
    }

    @Test
    void aTransactionStaysInOnePartition() {
        List<TableTransactionAction> actions = new ArrayList<>(upserts("p", 3, 0));
        actions.addAll(upserts("q", 1, 3));
        TableTransactionFailedException e = assertThrows(TableTransactionFailedException.class, () -> table.submitTransaction(actions));
        assertEquals("CommandsInBatchActOnDifferentPartitions", e.getValue().getErrorCode().toString());
        assertEquals(3, e.getFailedTransactionActionIndex());
    }

    @Test
    void aTransactionNamesEachEntityOnce() {
        List<TableTransactionAction> actions = new ArrayList<>(upserts("p", 3, 0));
        actions.add(new TableTransactionAction(TableTransactionActionType.DELETE, new TableEntity("p", "r1")));
        TableTransactionFailedException e = assertThrows(TableTransactionFailedException.class, () -> table.submitTransaction(actions));
        assertEquals("InvalidDuplicateRow", e.getValue().getErrorCode().toString());
        assertEquals(3, e.getFailedTransactionActionIndex());
    }

    @Test
    void anEntityInATransactionKeepsTheEntityLimits() {
        List<TableTransactionAction> actions = new ArrayList<>(upserts("p", 2, 0));
        actions.add(new TableTransactionAction(TableTransactionActionType.UPSERT_MERGE,
                new TableEntity("p", "big").addProperty("s", "x".repeat(32 * 1024 + 1))));
        TableTransactionFailedException e = assertThrows(TableTransactionFailedException.class, () -> table.submitTransaction(actions));
        assertEquals("PropertyValueTooLarge", e.getValue().getErrorCode().toString());
        assertEquals(2, e.getFailedTransactionActionIndex());
    }

    private static List<TableTransactionAction> upserts(String partition, int n, int from) {
        return IntStream.range(from, from + n)
                .mapToObj(i -> new TableTransactionAction(TableTransactionActionType.UPSERT_REPLACE,
                        new TableEntity(partition, "r" + i).addProperty("v", i)))
                .toList();
    }

    /** The SDK throws TableServiceException, or for a failed query its own implementation's subclass of HttpResponseException. */
    private static void refused(int status, String code, Executable call) {
        HttpResponseException e = assertThrows(HttpResponseException.class, call);
        assertEquals(status, e.getResponse().getStatusCode(), e.getMessage());
        assertEquals(code, e.getResponse().getHeaderValue("x-ms-error-code"), e.getMessage());
    }
}
