package io.m365vault.testkit.strict;

import java.util.Set;

/**
 * Counts the discrete comparisons in an OData {@code $filter}: Azure's Query Entities permits
 * no more than 15 in one filter string (Azurite takes any number).
 */
public final class FilterComparisons {
    /** "no more than 15 discrete comparisons are permitted within a $filter string" (Querying tables and entities). */
    public static final int MAX = 15;
    private static final Set<String> OPERATORS = Set.of("eq", "ne", "gt", "ge", "lt", "le");

    private FilterComparisons() {
    }

    public static int count(String filter) {
        int count = 0;
        int i = 0;
        int n = filter.length();
        while (i < n) {
            char c = filter.charAt(i);
            if (c == '\'') {
                // A literal: '' inside it is an escaped quote, not its end. Operators in it do not count.
                i++;
                while (i < n) {
                    if (filter.charAt(i) == '\'') {
                        if (i + 1 < n && filter.charAt(i + 1) == '\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
                i++;
            } else if (Character.isLetter(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(filter.charAt(i)) || filter.charAt(i) == '_')) {
                    i++;
                }
                // Operators are lower case: OData filter strings are case-sensitive on Azure.
                if (OPERATORS.contains(filter.substring(start, i))) {
                    count++;
                }
            } else {
                i++;
            }
        }
        return count;
    }
}
