package io.proxima.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads {@code 10ms}, {@code 1.5s}, {@code 2m}, {@code 1h} (a unit is required) for picocli options. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9}))?(us|ms|s|m|h)");

    @Override
    public Duration convert(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) throw new CommandLine.TypeConversionException("'" + text + "' is not a duration such as 10ms, 1.5s or 2m");
        long unitNanos = switch (m.group(3)) {
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        };
        String fraction = m.group(2) == null ? "" : m.group(2);
        long whole = Long.parseLong(m.group(1)) * unitNanos;
        long part = fraction.isEmpty() ? 0 : (long) (Double.parseDouble("0." + fraction) * unitNanos);
        return Duration.ofNanos(whole + part);
    }
}
