package org.policyadvisor.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
    @DisplayName("every described route answers something other than 404 for a path it describes")
    void every_described_route_answers() {
        for (String operation : operations(get("/v1/openapi.yaml").bodyAsString())) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1)
                    .replace("{id}", "pw-unbind").replace("{name}", "base");
            HttpResponse<Buffer> response = await(client.request(HttpMethod.valueOf(method), path)
                    .putHeader("Content-Type", "application/json")
                    .sendBuffer(Buffer.buffer("{\"scenario\": \"base\"}")));

            assertThat(response.statusCode()).as(operation).isNotEqualTo(404).isLessThan(500);
        }
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
