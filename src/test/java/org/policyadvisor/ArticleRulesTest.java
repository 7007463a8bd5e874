package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The packaged rule base: the article's claims, each with provenance that checks out against the source. */
class ArticleRulesTest {

    private final Advisor advisor = Fixtures.article();
    private final RuleSources sources = RuleSources.packaged();

    @Test
    void there_are_at_least_25_rules_each_with_id_quote_source_and_hedge() {
        assertThat(advisor.rules()).hasSizeGreaterThanOrEqualTo(25).allSatisfy(r -> {
            assertThat(r.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(r.quote()).isNotBlank();
            assertThat(r.source()).isNotBlank();
            assertThat(r.concludes()).as("%s concludes something", r.id()).isNotEmpty();
        });
    }

    @Test
    void every_quote_is_verbatim_in_the_cited_source() {
        Map<String, Source> byId = Source.all(sources).stream().collect(Collectors.toMap(Source::id, Function.identity()));

        assertThat(advisor.rules()).allSatisfy(r -> {
            assertThat(byId).as("source of %s", r.id()).containsKey(r.source());
            assertThat(byId.get(r.source()).contains(r.quote())).as("quote of %s: %s", r.id(), r.quote()).isTrue();
        });
    }

    @Test
    void the_packaged_sources_are_those_of_rules_sources_each_with_its_provenance_and_cited() throws IOException {
        Path dir = Fixtures.repo().resolve("rules/sources");
        List<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<Source> kept = Source.all(RuleSources.fromDirectory(Fixtures.repo().resolve("rules")));
        List<Source> packaged = Source.all(sources);
        Set<String> cited = advisor.rules().stream().map(Rule::source).collect(Collectors.toSet());

        assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(f).endsWith(".txt"));
        assertThat(kept).extracting(s -> s.id() + ".txt").as("each source's id is its file name")
                .containsExactlyInAnyOrderElementsOf(files);
        assertThat(packaged).as("the packaged sources are the files of rules/sources")
                .containsExactlyInAnyOrderElementsOf(kept);
        assertThat(kept).allSatisfy(s -> {
            assertThat(s.header()).as("header of %s", s.id()).containsKeys(Source.HEADER.split(", "));
            assertThat(s.header().values()).as("header of %s", s.id()).allSatisfy(v -> assertThat(v).isNotBlank());
            assertThat(s.grade()).as("grade of %s", s.id()).isPresent();
            assertThat(s.text()).as("text of %s", s.id()).isNotBlank();
            assertThat(cited).as("rules citing %s", s.id()).contains(s.id());
        });
    }

    @Test
    void claims_md_accounts_for_every_rule() throws IOException {
        String claims = Files.readString(Fixtures.repo().resolve("rules/CLAIMS.md"));

        assertThat(advisor.rules()).allSatisfy(r -> assertThat(claims).as("CLAIMS.md names %s", r.id()).contains(r.id()));
    }

    @Test
    void some_chains_are_at_least_three_steps_deep_on_the_baseline_or_a_scenario() {
        int deepest = Fixtures.scenarioReader().names().stream()
                .map(n -> advisor.assess(Fixtures.scenarioReader().byName(n).scenario()))
                .flatMap(a -> a.consequences().stream())
                .mapToInt(Consequence::depth).max().orElse(0);

        assertThat(deepest).isGreaterThanOrEqualTo(3);
    }
}
