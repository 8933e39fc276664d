package io.m365vault.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SimpleYamlTest {
    @Test
    void readsNestedMapsScalarsAndComments() {
        Map<String, Object> yaml = SimpleYaml.parse(String.join("\n",
                "# header",
                "name: app",
                "services:",
                "  web:",
                "    project: './web' # trailing comment",
                "    host: \"function\"",
                "  other:",
                "    tag: 'a # not a comment'",
                "hooks:",
                "  post: x",
                ""));
        assertEquals("app", yaml.get("name"));
        assertEquals("./web", SimpleYaml.at(yaml, "services", "web", "project"));
        assertEquals("function", SimpleYaml.at(yaml, "services", "web", "host"));
        assertEquals("a # not a comment", SimpleYaml.at(yaml, "services", "other", "tag"));
        assertEquals("x", SimpleYaml.at(yaml, "hooks", "post"));
        assertNull(SimpleYaml.at(yaml, "services", "web", "missing"));
    }

    @Test
    void refusesWhatItDoesNotUnderstand() {
        IllegalArgumentException list = assertThrows(IllegalArgumentException.class,
                () -> SimpleYaml.parse("items:\n  - a\n"));
        assertTrue(list.getMessage().startsWith("line 2"), list.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SimpleYaml.parse("a: 1\na: 2\n"));
        assertThrows(IllegalArgumentException.class, () -> SimpleYaml.parse("just text\n"));
    }
}
