package io.m365vault.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.azure.core.exception.HttpResponseException;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.TableClientBuilder;
import com.azure.data.tables.models.ListEntitiesOptions;
import io.m365vault.testkit.AzuriteExtension.StorageAccount;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The account the extension hands out goes through the strict layer (unless it is switched off). */
@ExtendWith(AzuriteExtension.class)
class AzuriteExtensionTest {

    @Test
    void handsOutTheStrictLayer(StorageAccount account) {
        assumeTrue(AzuriteExtension.strictOn() && System.getenv("AZURITE_CONNECTION_STRING") == null, "strict layer switched off");
        TableClient table = new TableClientBuilder().connectionString(account.connectionString()).tableName("extensiontest").buildClient();
        table.createTable();
        String sixteen = IntStream.range(0, 16).mapToObj(i -> "RowKey eq 'r" + i + "'").collect(Collectors.joining(" or "));
        HttpResponseException e = assertThrows(HttpResponseException.class,
                () -> table.listEntities(new ListEntitiesOptions().setFilter(sixteen), null, null).stream().count());
        assertEquals(400, e.getResponse().getStatusCode());
    }
}
