package io.m365vault.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One .bicep file's declarations: params, outputs, module calls, imports and resource bodies. */
final class BicepSource {
    /** A parameter and whether it has a default (so a caller may leave it out). */
    record Param(String name, String type, boolean hasDefault) {}

    /** A module call: its symbol, the referenced path, and the names it passes in params. */
    record ModuleCall(String symbol, String path, Set<String> params) {}

    /** A {@code symbol.outputs.name} reference in this file. */
    record OutputReference(String symbol, String output) {}

    private static final Pattern PARAM =
            Pattern.compile("(?m)^param\\s+([A-Za-z_]\\w*)\\s+([A-Za-z_][\\w.]*(?:\\[])?)\\s*(=)?");
    private static final Pattern OUTPUT = Pattern.compile("(?m)^output\\s+([A-Za-z_]\\w*)\\s");
    private static final Pattern MODULE = Pattern.compile("(?m)^module\\s+([A-Za-z_]\\w*)\\s+'([^']*)'\\s*=\\s*");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+[^\\n]*?\\sfrom\\s+'([^']*)'");
    private static final Pattern ROLE_LIST = Pattern.compile("(?m)^var\\s+\\w*Roles\\s*=\\s*\\[");
    private static final Pattern OUTPUT_REFERENCE = Pattern.compile("\\b([A-Za-z_]\\w*)\\.outputs\\.([A-Za-z_]\\w*)");

    private final Path path;
    private final BicepScanner scanner;

    private BicepSource(Path path, String source) {
        this.path = path;
        this.scanner = new BicepScanner(BicepScanner.withoutComments(source));
    }

    static BicepSource read(Path path) {
        try {
            return new BicepSource(path, Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static BicepSource of(Path path, String source) {
        return new BicepSource(path, source);
    }

    Path path() {
        return path;
    }

    /** The file's text with comments blanked out. */
    String code() {
        return scanner.text();
    }

    Map<String, Param> params() {
        Map<String, Param> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(code());
        while (m.find()) {
            params.put(m.group(1), new Param(m.group(1), m.group(2), m.group(3) != null));
        }
        return params;
    }

    Set<String> outputs() {
        return new LinkedHashSet<>(groups(OUTPUT));
    }

    List<ModuleCall> modules() {
        List<ModuleCall> modules = new ArrayList<>();
        Matcher m = MODULE.matcher(code());
        while (m.find()) {
            BicepObject body = new BicepObject(scanner, bodyStart(m.end()));
            Set<String> passed = body.keys().contains("params") ? body.object("params").keys() : Set.of();
            modules.add(new ModuleCall(m.group(1), m.group(2), passed));
        }
        return modules;
    }

    List<String> imports() {
        return groups(IMPORT);
    }

    /** Every string literal in the arrays assigned to variables named *Roles (role names by roles.bicep key). */
    List<String> roleNameLists() {
        List<String> names = new ArrayList<>();
        Matcher m = ROLE_LIST.matcher(code());
        while (m.find()) {
            int open = m.end() - 1;
            int close = scanner.matching(open);
            for (int i = open + 1; i < close; i++) {
                if (code().charAt(i) == '\'') {
                    int end = scanner.skipString(i);
                    names.add(code().substring(i + 1, end - 1));
                    i = end - 1;
                }
            }
        }
        return names;
    }

    private List<String> groups(Pattern pattern) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(code());
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    List<OutputReference> outputReferences() {
        List<OutputReference> references = new ArrayList<>();
        Matcher m = OUTPUT_REFERENCE.matcher(code());
        while (m.find()) {
            references.add(new OutputReference(m.group(1), m.group(2)));
        }
        return references;
    }

    /** The body of the resource declared with this symbol, at any nesting depth. */
    BicepObject resource(String symbol) {
        Matcher m = Pattern.compile("(?m)^\\s*resource\\s+" + Pattern.quote(symbol) + "\\s+'[^']*'\\s*=\\s*")
                .matcher(code());
        if (!m.find()) {
            throw new IllegalArgumentException("no resource '" + symbol + "' in " + path);
        }
        return new BicepObject(scanner, bodyStart(m.end()));
    }

    /** The '{' of a declaration body after "=", past an optional "if (...)" or "[for ...:". */
    private int bodyStart(int from) {
        String text = code();
        int i = from;
        if (text.startsWith("if", i)) {
            i = scanner.matching(text.indexOf('(', i)) + 1;
        }
        int brace = text.indexOf('{', i);
        if (brace < 0) {
            throw new IllegalArgumentException("no body after line " + scanner.lineOf(from) + " of " + path);
        }
        return brace;
    }
}
