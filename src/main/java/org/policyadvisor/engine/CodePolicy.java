package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.policyadvisor.Problem;
import org.policyadvisor.RuleSources;

/**
 * Rules compile to Java and run inside the host, so rule text may not reach outside the engine:
 * no process control, reflection, threads, class loading, file or network I/O. Checked on the code
 * of every rule file (comments and string literals blanked out) before anything is compiled.
 */
public final class CodePolicy {

    private record Forbidden(Pattern pattern, String what) {
    }

    private static final List<Forbidden> FORBIDDEN = List.of(
            forbid("System\\s*\\.\\s*(exit|setOut|setErr|setIn|setProperty|getenv|load|loadLibrary|setSecurityManager)\\b",
                    "process control"),
            forbid("\\bRuntime\\b", "process control"),
            forbid("\\bProcessBuilder\\b|\\bProcessHandle\\b", "process control"),
            forbid("\\bjava\\s*\\.\\s*lang\\s*\\.\\s*reflect\\b|\\bjava\\s*\\.\\s*lang\\s*\\.\\s*invoke\\b", "reflection"),
            forbid("\\bClass\\s*\\.\\s*forName\\b|\\.\\s*getDeclared\\w*\\s*\\(|\\.\\s*setAccessible\\s*\\(|\\.\\s*getMethod\\s*\\(|\\.\\s*getField\\s*\\(|\\.\\s*newInstance\\s*\\(|\\bMethodHandles?\\b|\\.\\s*getClass\\s*\\(\\s*\\)\\s*\\.",
                    "reflection"),
            forbid("\\bThread\\b|\\bThreadGroup\\b|\\bExecutors?\\b|\\bExecutorService\\b|\\bForkJoinPool\\b|\\bCompletableFuture\\b|\\bTimer\\b|java\\s*\\.\\s*util\\s*\\.\\s*concurrent\\b",
                    "threads"),
            forbid("ClassLoader\\b|\\bdefineClass\\b", "class loading"),
            forbid("\\bjava\\s*\\.\\s*(io|nio|net)\\b|\\b(File|Files|Paths|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile|Socket|ServerSocket|DatagramSocket|URL|URI|HttpClient|HttpURLConnection)\\b",
                    "file or network I/O"),
            forbid("\\bjavax?\\s*\\.\\s*(script|management|naming|tools)\\b|\\bsun\\s*\\.|\\bjdk\\s*\\.\\s*internal\\b", "host internals"));

    private CodePolicy() {
    }

    private static Forbidden forbid(String regex, String what) {
        return new Forbidden(Pattern.compile(regex), what);
    }

    /** Every forbidden use in every rule file, as {@code file:line:col}. */
    public static List<Problem> check(RuleSources sources) {
        List<Problem> problems = new ArrayList<>();
        for (RuleSources.File file : sources.ruleFiles()) {
            String code = blankCommentsAndStrings(file.text());
            for (Forbidden f : FORBIDDEN) {
                Matcher m = f.pattern().matcher(code);
                while (m.find()) {
                    problems.add(new Problem(position(file, m.start()),
                            "forbidden code '" + m.group().strip() + "' (" + f.what() + "): rules run as Java inside the host"));
                }
            }
        }
        problems.sort((a, b) -> compareLocations(a.where(), b.where()));
        return problems;
    }

    private static int compareLocations(String a, String b) {
        String[] x = a.split(":");
        String[] y = b.split(":");
        int byFile = x[0].compareTo(y[0]);
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
        return byLine != 0 ? byLine : Integer.compare(Integer.parseInt(x[2]), Integer.parseInt(y[2]));
    }

    private static String position(RuleSources.File file, int offset) {
        String text = file.text();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return file.path() + ":" + line + ":" + (offset - lineStart + 1);
    }

    /** Replaces comments and string literals by spaces, keeping every offset and line break. */
    static String blankCommentsAndStrings(String text) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                i = blankUntil(out, text, i, "\n");
            } else if (c == '#' && (i == 0 || text.charAt(i - 1) == '\n')) {
                i = blankUntil(out, text, i, "\n");
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                i = blankUntil(out, text, i, "*/");
            } else if (c == '\'' && isCharLiteral(text, i)) {
                out.setCharAt(i + 1, ' ');
                i += text.charAt(i + 1) == '\\' ? 4 : 3;
            } else if (c == '"') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != c && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                for (int k = i + 1; k < Math.min(j, text.length()); k++) {
                    out.setCharAt(k, ' ');
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    /** 'a' or '\n': an apostrophe in English text (a DSL sentence) starts nothing. */
    private static boolean isCharLiteral(String text, int i) {
        if (i + 2 < text.length() && text.charAt(i + 1) != '\\' && text.charAt(i + 2) == '\'') {
            return true;
        }
        return i + 3 < text.length() && text.charAt(i + 1) == '\\' && text.charAt(i + 3) == '\'';
    }

    private static int blankUntil(StringBuilder out, String text, int from, String end) {
        int stop = text.indexOf(end, from + 2);
        int until = stop < 0 ? text.length() : stop + (end.equals("\n") ? 0 : end.length());
        for (int k = from; k < until; k++) {
            if (text.charAt(k) != '\n') {
                out.setCharAt(k, ' ');
            }
        }
        return until;
    }
}
