package org.policyadvisor.http;

import java.nio.file.Path;

import org.policyadvisor.Advisor;
import org.policyadvisor.Fixtures;

/** The service over the packaged article rules and the repository's scenarios of {@code facts/}. */
abstract class PackagedRulesTestBase extends HttpTestBase {

    /** Compiled once per test JVM, shared with every other test of the packaged rules. */
    static final Advisor packaged = Fixtures.article();

    @Override
    Advisor initialAdvisor() {
        return packaged;
    }

    @Override
    ServerConfig config() {
        return super.config().withFactsDir(Path.of("facts"));
    }
}
