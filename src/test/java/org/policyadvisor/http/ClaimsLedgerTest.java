package org.policyadvisor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CLAIMS.md read for the sentences no rule encodes, and where they lie in a text")
class ClaimsLedgerTest {

    private static final String LEDGER = """
            # Claims

            | Source id | What it is | Grade | Rules |
            |---|---|---|---|
            | `a` | A source. | B2 | 2 claims |

            ## `a`

            | ¶ | Sentence or key clause | Rule id(s) | Hedge | Note |
            |---|---|---|---|---|
            | P1 | “It rained, so the river rose.” | `rain-raises-river` | stated | Rain(x) → Flood(x). |
            | P1 | “The mayor … spoke at length.” | — | — | Not encoded: speech is no effect. |
            | P2 | “A pipe \\| in a cell.” | - | — | Not encoded: `pipes` are fine. |
            | P3 | broken row | — |

            | ¶ | Sentences | Why |
            |---|---|---|
            | P4 | “The sky was grey.” | Not causal: background. |

            | Heading | Paragraphs |
            |---|---|
            | (opening) | P1–P4 |

            ## Hedge scale

            | ¶ | Sentence | Rule id(s) | Hedge | Note |
            |---|---|---|---|---|
            | X | “Not a source.” | — | — | Ignored. |
            """;

    @Test
    @DisplayName("a sentence without rule ids, and every sentence of a table without a rule column, is not encoded")
    void not_encoded() {
        ClaimsLedger ledger = ClaimsLedger.parse(LEDGER);

        assertThat(ledger.notEncoded("a")).containsExactly(
                new ClaimsLedger.Sentence("P1", "The mayor … spoke at length.", "Not encoded: speech is no effect."),
                new ClaimsLedger.Sentence("P2", "A pipe | in a cell.", "Not encoded: `pipes` are fine."),
                new ClaimsLedger.Sentence("P4", "The sky was grey.", "Not causal: background."));
        assertThat(ledger.notEncoded("Hedge scale")).isEmpty();
        assertThat(ledger.notEncoded("b")).isEmpty();
    }

    @Test
    @DisplayName("no document, or one of another layout, lists nothing")
    void tolerant() {
        assertThat(ClaimsLedger.parse(null).notEncoded("a")).isEmpty();
        assertThat(ClaimsLedger.parse("").notEncoded("a")).isEmpty();
        assertThat(ClaimsLedger.parse("## `a`\n\nJust prose | with a pipe.\n| lone |\n").notEncoded("a")).isEmpty();
    }

    @Test
    @DisplayName("the project's CLAIMS.md: each source has its not-encoded sentences, every one found in its text")
    void project_ledger() throws IOException {
        ClaimsLedger ledger = ClaimsLedger.parse(Files.readString(Path.of("rules/CLAIMS.md")));
        String article = Files.readString(Path.of("rules/sources/firstpost-russia-dprk-pact.txt"));

        assertThat(ledger.notEncoded("firstpost-russia-dprk-pact")).hasSizeGreaterThan(10)
                .allSatisfy(s -> assertThat(new TextSpans(article).locate(s.sentence())).as(s.sentence()).isPresent());
        assertThat(ledger.notEncoded("scmp-china-headache-russia-dprk-treaty")).isNotEmpty();
        assertThat(ledger.notEncoded("vocabulary-entailments")).isEmpty();
    }

    @Test
    @DisplayName("quotes are found up to whitespace, with offsets into the original text")
    void spans() {
        String text = "First line.\nThe  quick\n\tbrown fox — jumps over the lazy dog.\n";
        TextSpans spans = new TextSpans(text);

        TextSpans.Span quick = spans.find("quick brown fox").orElseThrow();
        assertThat(text.substring(quick.start(), quick.end())).isEqualTo("quick\n\tbrown fox");
        assertThat(spans.find("slow fox")).isEmpty();
        assertThat(spans.find("  ")).isEmpty();
        TextSpans.Span cited = spans.locate("The quick … over the lazy dog.").orElseThrow();
        assertThat(text.substring(cited.start(), cited.end())).startsWith("The  quick").endsWith("lazy dog.");
        assertThat(spans.locate("… the lazy dog.")).isPresent();
        assertThat(spans.locate("Nothing like it at all.")).isEmpty();
        assertThat(spans.locate("fox …")).as("pieces too short to place").isEmpty();
    }
}
