package io.m365vault.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BicepSourceTest {
    private static final String SAMPLE = String.join("\n",
            "// a comment with 'quotes' and { braces",
            "param name string",
            "@minValue(1)",
            "param count int = 3 /* trailing { */",
            "param tags object = {}",
            "var label = 'a } in a string ${name} and ${toUpper('x}')}'",
            "module store 'modules/store.bicep' = if (count > 1) {",
            "  name: 'store'",
            "  params: {",
            "    name: name",
            "    'quoted-key': '// not a comment'",
            "    nested: {",
            "      inner: 1",
            "    }",
            "  }",
            "}",
            "resource site 'Microsoft.Web/sites@2024-04-01' = {",
            "  name: label",
            "  properties: { httpsOnly: true, serverFarmId: store.outputs.planId }",
            "  resource settings 'config' = {",
            "    name: 'appsettings'",
            "    properties: {",
            "      ONE: 'x:y'",
            "      TWO: concat('a', ",
            "        'b')",
            "    }",
            "  }",
            "}",
            "output id string = site.id",
            "");

    private final BicepSource source = BicepSource.of(Path.of("sample.bicep"), SAMPLE);

    @Test
    void readsParamsWithAndWithoutDefaults() {
        assertEquals(List.of("name", "count", "tags"), List.copyOf(source.params().keySet()));
        assertFalse(source.params().get("name").hasDefault());
        assertTrue(source.params().get("count").hasDefault());
        assertEquals("object", source.params().get("tags").type());
    }

    @Test
    void readsModuleCallsPastAConditionAndCommentsOrStringsThatLookLikeSyntax() {
        BicepSource.ModuleCall call = source.modules().get(0);
        assertEquals("store", call.symbol());
        assertEquals("modules/store.bicep", call.path());
        assertEquals(Set.of("name", "quoted-key", "nested"), call.params());
        assertEquals(1, source.modules().size());
    }

    @Test
    void readsNestedResourceBodiesAndValues() {
        BicepObject settings = source.resource("settings").object("properties");
        assertEquals(List.of("ONE", "TWO"), List.copyOf(settings.keys()));
        assertEquals(Optional.of("'x:y'"), settings.value("ONE"));
        BicepObject site = source.resource("site");
        assertEquals(Set.of("name", "properties"), site.keys());
        assertEquals(Optional.of("true"), site.object("properties").value("httpsOnly"));
    }

    @Test
    void findsOutputsAndOutputReferences() {
        assertEquals(Set.of("id"), source.outputs());
        assertEquals(List.of(new BicepSource.OutputReference("store", "planId")), source.outputReferences());
    }

    @Test
    void readsRoleNameListsButNotOtherArrays() {
        BicepSource roles = BicepSource.of(Path.of("roles.bicep"), String.join("\n",
                "var appRoles = [",
                "  'Storage Blob Data Contributor' // why",
                "  'Storage Queue Data Contributor'",
                "]",
                "var names = [",
                "  'not a role'",
                "]",
                ""));
        assertEquals(List.of("Storage Blob Data Contributor", "Storage Queue Data Contributor"), roles.roleNameLists());
    }

    @Test
    void commentsAreBlankedButStringsAreKept() {
        assertFalse(source.code().contains("a comment with"));
        assertFalse(source.code().contains("trailing"));
        assertTrue(source.code().contains("'// not a comment'"));
        assertEquals(SAMPLE.length(), source.code().length());
    }

    @Test
    void refusesAnUnterminatedString() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BicepSource.of(Path.of("broken.bicep"), "var x = {\n  a: 'open\n}\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
