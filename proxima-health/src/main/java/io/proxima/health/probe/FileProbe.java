package io.proxima.health.probe;

import io.proxima.health.check.FileCheck;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Passes while the file's presence is what the check wants. */
final class FileProbe implements BlockingProbe {

    private final FileCheck check;

    FileProbe(FileCheck check) {
        this.check = check;
    }

    @Override
    public CompletionStage<ProbeResult> probe(Duration timeout) {
        return Attempt.run("file", timeout, this::run);
    }

    @Override
    public ProbeResult call(Duration timeout) {
        return Attempt.call(timeout, this::run);
    }

    private ProbeResult run(Duration timeout, Attempt.Clock clock) throws Exception {
        boolean present = Files.exists(check.path());
        String reason = check.path() + (present ? " present" : " absent");
        return new ProbeResult(present == check.passWhenPresent(), clock.elapsed(), reason, "");
    }
}
