package org.policyadvisor.http;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.policyadvisor.Advisor;
import org.policyadvisor.scenario.ScenarioReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("PlainWhatIf: the usual body read from its bytes, the same as the thorough reading")
class PlainWhatIfTest {

    private static final Advisor ADVISOR = HttpTestBase.advisorOf(HttpTestBase.RULES);
    private static final ScenarioReader READER = new ScenarioReader(ADVISOR.vocabulary(), HttpTestBase.FACTS);
    private static final String PRECISION = HttpTestBase.FACT_PRECISION;
    private static final String AMMUNITION = HttpTestBase.FACT_AMMUNITION;

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"facts\": []}",
        "{\"facts\": [" + PRECISION + "]}",
        "{\"facts\": [" + PRECISION + ", " + AMMUNITION + "], \"description\": \"both \\\"kinds\\\" \\u00e9\"}",
        "  {\"description\": \"first\", \"facts\": [" + AMMUNITION + "], \"baseline\": [" + PRECISION + "]}\n",
        "{\"facts\": [" + PRECISION + "], \"baseline\": \"base\"}",
        "{\"scenario\": \"precision\", \"baseline\": \"base\"}",
        "{\"scenario\": \"precision\", \"description\": \"not used by a named scenario\"}",
    })
    @DisplayName("a usual body gives the request the thorough reading gives")
    void same_request_as_the_thorough_reading(String body) {
        WhatIfRequest plain = PlainWhatIf.read(body.getBytes(StandardCharsets.UTF_8), READER, 10);

        assertThat(plain).isNotNull().isEqualTo(WhatIfRequest.read(body, READER, 10));
    }

    @Test
    @DisplayName("facts are taken as written, typed values included; the advisor checks them")
    void facts_are_not_checked_here() {
        String body = "{\"facts\": [{\"type\": \"Invasion\", \"of\": \"KOR\", \"year\": 2022, \"armed\": true}]}";

        WhatIfRequest plain = PlainWhatIf.read(body.getBytes(StandardCharsets.UTF_8), READER, 10);

        assertThat(plain).isNotNull();
        assertThat(plain.scenario().facts()).hasSize(1);
        assertThat(plain.scenario().facts().get(0).fields()).containsEntry("year", 2022).containsEntry("armed", true);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "[]",
        "\"facts\"",
        "{\"facts\": [" + PRECISION + "]",
        "{\"facts\": [], \"facts\": []}",
        "{\"facts\": [{\"type\": \"ArmsTransfer\", \"supplier\": \"RUS\", \"supplier\": \"PRK\"}]}",
        "{\"facts\": [{\"type\": \"ArmsTransfer\", \"type\": \"ArmsTransfer\"}]}",
        "{\"scenario\": \"base\", \"scenario\": \"precision\"}",
        "{\"facts\": [], \"description\": \"a\", \"description\": \"b\"}",
        "{\"facts\": [], \"baseline\": \"base\", \"baseline\": []}",
        "{\"facts\": []} {}",
        "{\"facts\": []}]",
        "{\"facts\": [], \"extra\": 1}",
        "{\"facts\": [], \"scenario\": \"base\"}",
        "{\"description\": \"neither facts nor scenario\"}",
        "{\"facts\": {}}",
        "{\"facts\": [[]]}",
        "{\"facts\": [\"ArmsTransfer\"]}",
        "{\"facts\": [{\"supplier\": \"RUS\"}]}",
        "{\"facts\": [{\"type\": 1}]}",
        "{\"facts\": [{\"type\": \"ArmsTransfer\", \"supplier\": null}]}",
        "{\"facts\": [{\"type\": \"ArmsTransfer\", \"count\": 1.5}]}",
        "{\"facts\": [{\"type\": \"ArmsTransfer\", \"count\": 12345678901}]}",
        "{\"facts\": [{\"type\": \"ArmsTransfer\", \"supplier\": [\"RUS\"]}]}",
        "{\"facts\": [{\"type\": \"ArmsTransfer\", \"supplier\": {\"code\": \"RUS\"}}]}",
        "{\"facts\": [], \"description\": 3}",
        "{\"facts\": [], \"baseline\": 3}",
        "{\"scenario\": [\"base\"]}",
        "{\"facts\": [], \"description\": \"caf\u00e9\"}",
        "\uFEFF{\"facts\": []}",
        "{\"facts\": [" + PRECISION + ", " + AMMUNITION + ", " + PRECISION + "]}",
        "{\"facts\": [], \"baseline\": [" + PRECISION + ", " + AMMUNITION + ", " + PRECISION + "]}",
    })
    @DisplayName("anything else is left to the thorough reading")
    void anything_else_is_left_to_the_thorough_reading(String body) {
        assertThat(PlainWhatIf.read(body.getBytes(StandardCharsets.UTF_8), READER, 2)).isNull();
    }

    @Test
    @DisplayName("a scenario name not found is 404 naming the key, as in the thorough reading")
    void unknown_scenario_name() {
        String body = "{\"facts\": [], \"baseline\": \"nowhere\"}";

        RequestException plain = catchThrowableOfType(RequestException.class,
                () -> PlainWhatIf.read(body.getBytes(StandardCharsets.UTF_8), READER, 10));
        RequestException thorough = catchThrowableOfType(RequestException.class,
                () -> WhatIfRequest.read(body, READER, 10));

        assertThat(plain.status()).isEqualTo(404);
        assertThat(plain.problems()).isEqualTo(thorough.problems());
    }
}
