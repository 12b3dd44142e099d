package dev.duijie;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table belongs to one feature, and only that feature's SQL names it: another feature asks the owner
 * (a query method, an interface it implements, a view it publishes) instead of reading or writing the table
 * behind its back.
 */
class TableOwnershipTest {

    /** Feature package → the tables its migrations create and only it may name in SQL. */
    static final Map<String, Set<String>> OWNERS = Map.ofEntries(
            Map.entry("organization", Set.of("organization")),
            Map.entry("financing", Set.of("financing_request")),
            Map.entry("offer", Set.of("loan_product", "guarantee_product", "investment_offer", "investment_interest")),
            Map.entry("bidding", Set.of("bid", "risk_fund", "guarantee_offer", "bank_response")),
            Map.entry("talent", Set.of("talent_profile", "talent_need", "talent_application")),
            Map.entry("campaign", Set.of("campaign", "campaign_need", "campaign_invitation", "campaign_view")),
            Map.entry("audit", Set.of("audit_event")),
            Map.entry("search", Set.of("search_outbox")),
            Map.entry("shared", Set.of("idempotency_key")),
            Map.entry("ratelimit", Set.of("rate_limit_bucket")),
            Map.entry(
                    "referencedata",
                    Set.of(
                            "industry",
                            "region",
                            "skill",
                            "collateral_type",
                            "education_level",
                            "enterprise_flag",
                            "enterprise_tier")));

    /**
     * Views a feature publishes for the others to read (and all they may read of its rows), as a module exposes
     * a named interface: the owner decides what is in them.
     */
    static final Map<String, String> PUBLISHED_VIEWS = Map.of(
            "organization_directory", "organization",
            "financing_request_closing", "financing",
            "talent_need_directory", "talent",
            "talent_application_status", "talent");

    /** The county's figures are counted across every feature's rows, read-only: the one package that may. */
    static final Set<String> READS_EVERYTHING = Set.of("dashboard");

    private static final Path SOURCES = Path.of("src/main/java/dev/duijie");
    private static final Pattern STRING =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern TABLE = Pattern.compile(
            "\\b(?:from|join|into|update|table|references|exists)\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

    @Test
    void givenEverySqlString_whenItNamesATable_thenTheTableBelongsToTheFeatureItIsIn() throws IOException {
        assertThat(tablesOfTheMigrations()).as("every table has an owner").isEqualTo(allOwned());
        assertThat(viewsOfTheMigrations()).as("the published views exist").containsAll(PUBLISHED_VIEWS.keySet());
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String feature = SOURCES.relativize(file).getName(0).toString();
                if (READS_EVERYTHING.contains(feature)) {
                    continue;
                }
                Set<String> own = OWNERS.getOrDefault(feature, Set.of());
                for (String table : tablesNamedIn(Files.readString(file))) {
                    if (!own.contains(table)) {
                        trespasses.add(
                                SOURCES.relativize(file) + " names " + table + ", which belongs to " + ownerOf(table));
                    }
                }
            }
        }
        assertThat(trespasses).as("SQL naming another feature's table").isEmpty();
    }

    @Test
    void givenAStringNamingAnotherFeaturesTable_whenScanned_thenItIsFound() {
        assertThat(tablesNamedIn("String sql = \"select exists (select 1 from bid where x = 1)\";"))
                .containsExactly("bid");
        assertThat(tablesNamedIn("jdbc.sql(\"\"\"\n update campaign c\n set x = 1 \"\"\")"))
                .containsExactly("campaign");
        assertThat(tablesNamedIn("audit.record(caller, \"bid.submitted\", \"bid\", id); // from bid"))
                .isEmpty();
    }

    static Set<String> tablesNamedIn(String source) {
        Set<String> tables = new TreeSet<>();
        Matcher string = STRING.matcher(source);
        while (string.find()) {
            String text = string.group(1) != null ? string.group(1) : string.group(2);
            Matcher table = TABLE.matcher(text);
            while (table.find()) {
                tables.add(table.group(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        tables.retainAll(allOwned());
        return tables;
    }

    private static Set<String> allOwned() {
        Set<String> all = new TreeSet<>();
        OWNERS.values().forEach(all::addAll);
        return all;
    }

    private static String ownerOf(String table) {
        return OWNERS.entrySet().stream()
                .filter(e -> e.getValue().contains(table))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    private static Set<String> viewsOfTheMigrations() throws IOException {
        return namesCreated("create\\s+(?:or\\s+replace\\s+)?view\\s+([a-z_]+)");
    }

    private static Set<String> tablesOfTheMigrations() throws IOException {
        return namesCreated("create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_]+)");
    }

    private static Set<String> namesCreated(String regex) throws IOException {
        Set<String> tables = new TreeSet<>();
        Pattern create = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : files.toList()) {
                Matcher matcher = create.matcher(Files.readString(file));
                while (matcher.find()) {
                    tables.add(matcher.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return tables;
    }
}
