package org.policyadvisor.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

import org.policyadvisor.AdvisorException;
import org.policyadvisor.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code java -jar policy-advisor.jar <command> ...}. */
@Command(name = "policy-advisor", mixinStandardHelpOptions = true, version = "policy-advisor 0.1.0",
        description = "Answers \"what follows if ...?\" from sourced causal claims, with the reasoning shown.")
public final class Main {

    /** The subcommands, in the order the usage lists them. */
    static final List<Class<?>> COMMANDS = List.of(WhatIfCommand.class, CheckCommand.class, TestCommand.class,
            GraphCommand.class, WhyNotCommand.class, SensitivityCommand.class, SweepCommand.class,
            ImpactCommand.class, ServeCommand.class, CommandLine.HelpCommand.class);

    /** Exit code for bad input (facts, rules, files) and failed evaluations. */
    static final int FAILED = 1;

    private Main() {
    }

    public static void main(String[] args) {
        Logging.forApplication();
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (code != 0 || !isServe(args)) {
            System.exit(code);
        }
    }

    private static boolean isServe(String[] args) {
        return args.length > 0 && args[0].equals("serve");
    }

    /** Runs a command with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cli = new CommandLine(new Main());
        for (Class<?> command : commandsFor(args)) {
            cli.addSubcommand(command);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            report(e, err, verbose);
            return FAILED;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The subcommands to build: only the one named first when there is one (building a command's model reads its
     * annotations and loads its option types, about a tenth of a what-if's start-up for all of them), otherwise all,
     * for the usage, {@code help} and the suggestions after a mistyped name.
     */
    static List<Class<?>> commandsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                if (command != CommandLine.HelpCommand.class
                        && command.getAnnotation(Command.class).name().equals(args[0])) {
                    return List.of(command);
                }
            }
        }
        return COMMANDS;
    }

    static void report(Exception e, PrintWriter err, boolean verbose) {
        if (e instanceof AdvisorException failure) {
            if (failure.problems().isEmpty()) {
                err.println("error: " + failure.getMessage() + " [" + failure.code().text() + "]");
            }
            for (Problem p : failure.problems()) {
                err.println("error: " + failure.getMessage() + ": " + p + " [" + failure.code().text() + "]");
            }
        } else {
            err.println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
    }
}
