package org.policyadvisor.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.policyadvisor.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("GET /v1/openapi.yaml")
class OpenApiTest extends HttpTestBase {

    private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch", "head", "options");

    @Test
    @DisplayName("the served document describes exactly the routes of the server")
    void describes_every_route() {
        HttpResponse<Buffer> response = get("/v1/openapi.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/yaml");
        assertThat(response.bodyAsString()).startsWith("openapi: 3.");
        List<String> described = operations(response.bodyAsString());
        List<String> served = verticle.routes().stream().map(r -> r.replaceAll(":(\\w+)", "{$1}")).toList();
        assertThat(described).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    @DisplayName("the document served is its parts joined in order, one document with each top-level key once")
    void is_its_parts_joined() throws IOException {
        StringBuilder joined = new StringBuilder();
        for (String part : CatalogueRoutes.OPEN_API_PARTS) {
            try (InputStream in = CatalogueRoutes.class.getResourceAsStream(part)) {
                assertThat(in).as(part).isNotNull();
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(text).as(part).endsWith("\n");
                assertThat(text.lines().count()).as(part + " lines").isLessThanOrEqualTo(400);
                joined.append(text);
            }
        }
        String yaml = get("/v1/openapi.yaml").bodyAsString();
        assertThat(yaml).isEqualTo(joined.toString());
        List<String> topLevel = yaml.lines().filter(l -> !l.isBlank() && !l.startsWith(" ") && !l.startsWith("#"))
                .map(l -> l.substring(0, l.indexOf(':') + 1)).toList();
        assertThat(topLevel).containsExactly("openapi:", "info:", "servers:", "paths:", "components:");
    }

    @Test
    @DisplayName("every described route answers something other than 404 for a path it describes")
    void every_described_route_answers() {
        String decisionId = post("/v1/what-if", "{\"scenario\": \"base\"}").bodyAsJsonObject().getString("decisionId");
        for (String operation : operations(get("/v1/openapi.yaml").bodyAsString())) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1)
                    .replace("/v1/decisions/{id}", "/v1/decisions/" + decisionId)
                    .replace("{id}", "pw-unbind").replace("{name}", "base")
                    .replace("{source}", "test").replace("{file}", "main.js");
            HttpResponse<Buffer> response = await(client.request(HttpMethod.valueOf(method), path)
                    .putHeader("Content-Type", "application/json")
                    .sendBuffer(Buffer.buffer("{\"scenario\": \"base\"}")));

            assertThat(response.statusCode()).as(operation).isNotEqualTo(404).isLessThan(500);
        }
    }

    @Test
    @DisplayName("the error codes described are those of ErrorCode that the service answers with")
    void describes_every_error_code() {
        String yaml = get("/v1/openapi.yaml").bodyAsString();
        Matcher codes = Pattern.compile("\\n    Error:\\n.*?\\n        code:\\n.*?enum: \\[([^\\]]*)\\]", Pattern.DOTALL)
                .matcher(yaml);

        assertThat(codes.find()).isTrue();
        List<String> described = List.of(codes.group(1).split(",\\s*"));
        // Rules that do not load never reach a client: the service answers internal_error.
        List<String> answered = Arrays.stream(ErrorCode.values()).filter(c -> c != ErrorCode.INVALID_RULES)
                .map(ErrorCode::text).toList();
        assertThat(described).containsExactlyInAnyOrderElementsOf(answered);
    }

    /**
     * The operations under {@code paths:} as {@code METHOD /path}: a path is a key indented by two spaces, a method
     * a key indented by four under it. Enough YAML for a hand-written document; no parser needed.
     */
    static List<String> operations(String yaml) {
        List<String> operations = new ArrayList<>();
        boolean inPaths = false;
        String path = null;
        for (String line : yaml.lines().toList()) {
            if (!line.startsWith(" ") && !line.isBlank()) {
                inPaths = line.equals("paths:");
                continue;
            }
            if (!inPaths) {
                continue;
            }
            if (line.startsWith("  /") && line.endsWith(":")) {
                path = line.trim().substring(0, line.trim().length() - 1);
            } else if (path != null && line.matches("    [a-z]+:\\s*")) {
                String method = line.trim().replace(":", "");
                if (METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        return operations;
    }
}
