package io.m365vault.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.config.Setting;
import io.m365vault.graph.GraphSettings;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The docs a clone of the project carries stand alone: every relative link of the README, the
 * bench README and docs/ resolves (a file that exists, a heading that is there), none points
 * outside the repository, and docs/settings.md names every setting the code reads.
 */
class DocsTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} +(.+?) *$");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");
    private final Path root = InfraDefinitionTest.repositoryRoot();

    @Test
    void everyRelativeLinkResolvesAndNothingPointsOutsideTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : docs()) {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            assertTrue(!text.contains("../shared") && !text.contains("DESIGN §") && !text.contains("DESIGN.md"),
                    doc + " points outside the repository (the project's own design notes are not in a clone)");
            Matcher m = LINK.matcher(FENCE.matcher(text).replaceAll(""));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("(?i)[a-z]+:.*")) {
                    continue; // https:, mailto: ...
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(URLDecoder.decode(file, StandardCharsets.UTF_8)).normalize();
                if (!resolved.startsWith(root) || !Files.exists(resolved)) {
                    broken.add(root.relativize(doc) + ": " + target + " (no such file)");
                } else if (hash >= 0 && resolved.toString().endsWith(".md")
                        && !anchors(Files.readString(resolved, StandardCharsets.UTF_8)).contains(target.substring(hash + 1))) {
                    broken.add(root.relativize(doc) + ": " + target + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void theSettingsReferenceNamesEverySetting() throws IOException {
        String settings = Files.readString(root.resolve("docs/settings.md"), StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        for (Setting s : Setting.values()) {
            names.add(s.name());
        }
        names.addAll(List.of(GraphSettings.CERT_PASSWORD, GraphSettings.AUTHORITY_HOST, "VAULT_QUEUES"));
        for (String n : names) {
            assertTrue(settings.contains("| `" + n + "` |"), "docs/settings.md has no row for " + n);
        }
        assertTrue(settings.contains("`-Dm365vault.crypto="), "docs/settings.md does not name the crypto provider option");
    }

    /** The README, the bench README and every file under docs/. */
    private List<Path> docs() throws IOException {
        List<Path> out = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("bench/README.md")));
        try (Stream<Path> files = Files.walk(root.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).forEach(out::add);
        }
        return out;
    }

    /** GitHub's heading anchors: lower case, punctuation but '-' and '_' dropped, spaces as '-'; repeats numbered. */
    static Set<String> anchors(String markdown) {
        Set<String> out = new HashSet<>();
        Matcher m = HEADING.matcher(FENCE.matcher(markdown).replaceAll(""));
        while (m.find()) {
            String slug = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            String s = slug;
            for (int n = 1; !out.add(s); n++) {
                s = slug + "-" + n;
            }
        }
        return out;
    }
}
