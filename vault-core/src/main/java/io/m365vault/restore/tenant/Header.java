package io.m365vault.restore.tenant;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A structured MIME header such as {@code text/html; charset="utf-8"}: its lower-case value and its parameters. */
record Header(String value, Map<String, String> params) {
    static Header parse(String field) {
        String[] parts = field.split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        Map<String, String> params = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                String v = parts[i].substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                params.put(parts[i].substring(0, eq).trim().toLowerCase(Locale.ROOT), v);
            }
        }
        return new Header(parts[0].trim().toLowerCase(Locale.ROOT), params);
    }

    String param(String name) {
        return params.get(name);
    }
}
