import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.policyadvisor.Advisor;
import org.policyadvisor.Assessment;
import org.policyadvisor.Fact;
import org.policyadvisor.Limits;
import org.policyadvisor.RuleSources;
import org.policyadvisor.Scenario;
import org.policyadvisor.reload.Reloader;

/**
 * Reload soak: RELOADS reloads of a copy of a rules folder while CALLERS threads evaluate a scenario without pause.
 * Each reload alternates the hedge of the precision-weapons claim ("will" / "likely"), so the two revisions answer
 * with different likelihoods; an answer whose likelihood is not that of its own revision is a mixed-revision answer.
 *
 * <p>{@code java -cp target/policy-advisor.jar bench/ReloadSoak.java [RULES] [RELOADS] [CALLERS]}; prints the
 * counts (reloads activated, answers, failures) and exits 1 when a reload was refused or an answer was wrong.
 * RULES is a folder whose {@code claims.drl} has the claim {@code @hedge("will")} that an {@code ArmsTransfer} of
 * precision weapons from RUS to PRK makes {@code AidRestraintLifted(KOR, UKR)}, as {@code src/test/resources/http/rules}.
 */
public final class ReloadSoak {

    private static final Fact UNBOUND = Fact.of("AidRestraintLifted", Map.of("actor", "KOR", "recipient", "UKR"));
    private static final Scenario PRECISION = Scenario.of("precision", List.of(Fact.of("ArmsTransfer",
            Map.of("supplier", "RUS", "recipient", "PRK", "category", "precision-weapons"))));

    public static void main(String[] args) throws Exception {
        org.policyadvisor.cli.Logging.forApplication(); // warnings only, as the command line logs
        Path source = Path.of(args.length > 0 ? args[0] : "src/test/resources/http/rules");
        int reloads = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int callers = args.length > 2 ? Integer.parseInt(args[2]) : 4;

        Path dir = Files.createTempDirectory("reload-soak");
        try {
            copy(source, dir);
            Path claimsFile = dir.resolve("claims.drl");
            String will = Files.readString(claimsFile);
            String likely = will.replaceFirst("@hedge\\(\"will\"\\)", "@hedge(\"likely\")");
            if (likely.equals(will)) {
                throw new IllegalArgumentException(claimsFile + " has no @hedge(\"will\") to vary");
            }
            // The likelihood each revision must answer, from an advisor built for that revision alone.
            Map<String, Double> expected = new ConcurrentHashMap<>();
            for (String text : List.of(likely, will)) {
                Files.writeString(claimsFile, text);
                Advisor alone = Advisor.builder().rulesFrom(dir).build();
                expected.put(alone.revision(), unbound(alone.assess(PRECISION)));
            }
            if (expected.size() != 2 || expected.values().stream().distinct().count() != 2) {
                throw new IllegalStateException("the two variants do not differ: " + expected);
            }

            AtomicReference<Advisor> active = new AtomicReference<>(Advisor.builder().rulesFrom(dir).build());
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger answers = new AtomicInteger();
            List<String> failures = new CopyOnWriteArrayList<>();
            int activated = 0;
            long start = System.nanoTime();
            try (Reloader reloader = new Reloader(dir, active, Limits.DEFAULT, sources -> List.of(),
                    Duration.ofMillis(100), Clock.systemUTC())) {
                ExecutorService pool = Executors.newFixedThreadPool(callers);
                for (int i = 0; i < callers; i++) {
                    pool.submit(() -> {
                        while (running.get()) {
                            try {
                                Advisor advisor = active.get();
                                Assessment a = advisor.assess(PRECISION);
                                Double want = expected.get(a.revision());
                                double got = unbound(a);
                                if (!a.revision().equals(advisor.revision()) || want == null || got != want) {
                                    failures.add(a.revision() + " answered " + got + ", expected " + want);
                                }
                                answers.incrementAndGet();
                            } catch (RuntimeException e) {
                                failures.add(e.toString());
                            }
                        }
                    });
                }
                for (int i = 1; i <= reloads; i++) {
                    Files.writeString(claimsFile, i % 2 == 1 ? likely : will);
                    if (reloader.reload()) {
                        activated++;
                    }
                }
                running.set(false);
                pool.shutdown();
                if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                    failures.add("callers did not stop within 60 s");
                }
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.printf("reloads: %d of %d activated in %d ms (%.1f ms each)%n", activated, reloads, millis,
                    (double) millis / Math.max(1, reloads));
            System.out.printf("answers: %d from %d callers; failures: %d%n", answers.get(), callers, failures.size());
            failures.stream().limit(10).forEach(f -> System.out.println("  " + f));
            if (activated != reloads || !failures.isEmpty() || answers.get() == 0) {
                System.exit(1);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double unbound(Assessment a) {
        return a.find(UNBOUND).orElseThrow(() -> new IllegalStateException("no " + UNBOUND + " in " + a.revision()))
                .likelihood();
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
