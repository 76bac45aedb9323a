package io.proxima.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The versions of the reference daemons, as they print them, for the header of a result table. */
final class Versions {

    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+(?:\\.\\d+)?)");

    private Versions() {
    }

    static String bird() {
        return of("bird", "--version");
    }

    static String gobgp() {
        return of("gobgpd", "--version");
    }

    static String exabgp() {
        return of("/usr/sbin/exabgp", "--version");
    }

    static String frr() {
        return of("/usr/lib/frr/bgpd", "--version");
    }

    static String java() {
        return Runtime.version().toString();
    }

    /** The first version number in the program's first output line, or "?" if it will not say. */
    private static String of(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            Matcher m = VERSION.matcher(out.lines().findFirst().orElse(""));
            return m.find() ? m.group(1) : "?";
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
