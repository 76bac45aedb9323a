package io.proxima.health.probe;

import io.proxima.health.check.FileCheck;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Passes while the file's presence is what the check wants. */
final class FileProbe implements Probe {

    private final FileCheck check;

    FileProbe(FileCheck check) {
        this.check = check;
    }

    @Override
    public CompletionStage<ProbeResult> probe(Duration timeout) {
        return Attempt.run("file", timeout, (t, clock) -> {
            boolean present = Files.exists(check.path());
            String reason = check.path() + (present ? " present" : " absent");
            return new ProbeResult(present == check.passWhenPresent(), clock.elapsed(), reason, "");
        });
    }
}
