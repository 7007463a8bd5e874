package org.policyadvisor.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.policyadvisor.Advisor;

/**
 * The analysts' workbench: {@code GET /} answers its page, {@code GET /workbench/{file}} the page's scripts and
 * styles (kept in the jar, nothing from another host), and the routes the page reads besides the public API:
 * {@code /v1/sources}, {@code /v1/sources/{source}} and {@code /v1/authoring}.
 */
final class WorkbenchRoutes {

    private static final String HTML = "text/html; charset=utf-8";
    private static final Map<String, String> TYPES = Map.of(
            "html", HTML,
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");
    /** The page and what it loads: everything from this server, nothing inline, no frames. */
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /**
     * The page's script modules, {@code main.js} importing the others. Only the files named here (and the page, its
     * style sheet and icon) are served: the route reads no name it is given from the jar or the disk.
     */
    static final List<String> SCRIPTS = List.of("main.js", "state.js", "dom.js", "api.js", "words.js", "url.js",
            "views.js", "forms.js", "scenario.js", "answer.js", "graph.js", "whynot.js", "analysis.js", "source.js",
            "authoring.js");
    private static final Map<String, Buffer> FILES = load(Stream.concat(Stream.of("index.html", "app.css",
            "icon.svg"), SCRIPTS.stream()).toList());

    private final Authoring authoring;
    private final Path factsDir;
    private final Workers workers;

    WorkbenchRoutes(Authoring authoring, Path factsDir, Workers workers) {
        this.authoring = authoring;
        this.factsDir = factsDir;
        this.workers = workers;
    }

    void mount(Router router) {
        router.get("/").handler(ctx -> file(ctx, "index.html"));
        router.get("/workbench/:file").handler(ctx -> file(ctx, ctx.pathParam("file")));
        router.get("/v1/sources").handler(this::sources);
        router.get("/v1/sources/:source").handler(this::source);
        router.get("/v1/authoring").handler(this::authoring);
    }

    private static void file(RoutingContext ctx, String name) {
        Buffer body = FILES.get(name);
        if (body == null) {
            throw RequestException.notFound("file", "no workbench file '" + name + "'");
        }
        HttpServerResponse response = ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, TYPES.get(name.substring(name.lastIndexOf('.') + 1)))
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .putHeader("X-Content-Type-Options", "nosniff");
        if (name.endsWith(".html")) {
            response.putHeader("Content-Security-Policy", POLICY).putHeader("Referrer-Policy", "no-referrer");
        }
        response.end(body);
    }

    private void sources(RoutingContext ctx) {
        Workers.json(ctx, SourceDocuments.list(AdvisorRouter.advisor(ctx)));
    }

    private void source(RoutingContext ctx) {
        Advisor current = AdvisorRouter.advisor(ctx);
        String id = ctx.pathParam("source");
        if (workers.admit(ctx)) {
            workers.run(ctx, () -> SourceDocuments.one(current, id, authoring.ledger())
                    .orElseThrow(() -> RequestException.notFound("source", "no source with id '" + id + "'")));
        }
    }

    /**
     * The authoring document; with {@code ?after=VERSION} naming the version the client has, an unchanged
     * document is answered {@code {"version": ..., "unchanged": true}} instead, which is what a page polling
     * every second receives almost always.
     */
    private void authoring(RoutingContext ctx) {
        Advisor current = AdvisorRouter.advisor(ctx);
        String after = ctx.request().getParam("after");
        if (workers.admit(ctx)) {
            workers.run(ctx, () -> {
                if (after != null) {
                    String version = authoring.version(current, factsDir);
                    if (version.equals(after)) {
                        return JsonBody.object(g -> {
                            g.writeStringField("version", version);
                            g.writeBooleanField("unchanged", true);
                        });
                    }
                }
                return authoring.document(current, factsDir);
            });
        }
    }

    private static Map<String, Buffer> load(List<String> names) {
        Map<String, Buffer> files = new LinkedHashMap<>();
        for (String name : names) {
            try (InputStream in = WorkbenchRoutes.class.getResourceAsStream("workbench/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource workbench/" + name);
                }
                files.put(name, Buffer.buffer(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(files);
    }
}
