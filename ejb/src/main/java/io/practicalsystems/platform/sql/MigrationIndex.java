package io.practicalsystems.platform.sql;

import java.util.List;

/** Parses the migration index: one script name per line, '#' comments and blank lines ignored. */
final class MigrationIndex {

    private MigrationIndex() {
    }

    static List<String> parse(String index) {
        List<String> names = index.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalStateException("migration index lists a script twice: " + names);
        }
        return names;
    }

    /** Short dialect name of a JDBC product name: "Apache Derby" → derby, "MariaDB"/"MySQL" → mariadb. */
    static String dialectOf(String productName) {
        String name = productName.toLowerCase(java.util.Locale.ROOT);
        if (name.contains("derby")) {
            return "derby";
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return "mariadb";
        }
        return name.replaceAll("[^a-z0-9]", "");
    }

    /** Splits a script into statements at lines holding only ';' (statements may span lines). */
    static List<String> statements(String script) {
        return java.util.Arrays.stream(script.split("(?m)^\\s*;\\s*$"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
