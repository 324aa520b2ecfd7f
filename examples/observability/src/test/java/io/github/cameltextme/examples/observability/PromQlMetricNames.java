package io.github.cameltextme.examples.observability;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects: what is left once string literals, label matchers, ranges, grouping
 * clauses, functions, keywords and numbers are taken out. Enough for the expressions of rules and dashboards.
 */
final class PromQlMetricNames {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", Pattern.CASE_INSENSITIVE);
    /** An identifier not inside a number (1e3, 0x1f, 5m) and not called as a function or an aggregation. */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])[a-zA-Z_:][\\w:]*+(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "atan2", "by", "without", "on",
            "ignoring", "group_left", "group_right", "bool", "offset", "inf", "nan");

    private PromQlMetricNames() {
    }

    static Set<String> in(String expression) {
        String bare = STRING.matcher(expression).replaceAll(" ");
        bare = LABEL_MATCHERS.matcher(bare).replaceAll(" ");
        bare = RANGE.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            if (!KEYWORDS.contains(identifier.group().toLowerCase(Locale.ROOT))) {
                names.add(identifier.group());
            }
        }
        return names;
    }
}
