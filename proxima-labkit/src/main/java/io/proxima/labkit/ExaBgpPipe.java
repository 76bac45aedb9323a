package io.proxima.labkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * ExaBGP 4.2's text API over its named pipes {@code <root>/run/exabgp/<name>.in|.out}, as
 * {@code exabgpcli} speaks it: write one command line to {@code .in}, read reply lines from
 * {@code .out} until {@code done} or {@code error}.
 *
 * <p>ExaBGP's pipe helper opens {@code .out} for writing non-blocking, once per reply line, and
 * retries while nobody reads (ENXIO). So a reader must be open before the command is written. This
 * class opens {@code .out} once, read-write: on Linux opening a FIFO O_RDWR never blocks (fifo(7)),
 * unlike O_RDONLY which waits for a writer. One thread reads it for the pipe's lifetime and queues
 * lines. {@code .in} is opened read-write too, so that a write never blocks when ExaBGP is gone.
 *
 * <p>Thread-safety: {@link #command} is synchronized: one command in flight, replies in order.
 */
final class ExaBgpPipe implements AutoCloseable {

    /** exabgpcli gives up after 5 s without a reply line; a command normally answers in ~40 ms. */
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);
    private static final int READ_BUFFER = 4096;

    private final Path in;
    private final Path outPath;
    private final FileChannel out;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean closed;

    ExaBgpPipe(Path base) {
        this.in = base.resolveSibling(base.getFileName() + ".in");
        this.outPath = base.resolveSibling(base.getFileName() + ".out");
        try {
            this.out = FileChannel.open(outPath, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new LabException("cannot open ExaBGP pipe " + base + ".out: " + e.getMessage(), e);
        }
        this.reader = Thread.ofPlatform().daemon().name("exabgp-pipe-" + base.getFileName()).start(this::readLoop);
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(READ_BUFFER);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            while (!closed) {
                buf.clear();
                int n = out.read(buf);
                if (n < 0) return;
                for (int i = 0; i < n; i++) {
                    byte c = buf.get(i);
                    if (c == '\n') {
                        lines.add(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(c);
                    }
                }
            }
        } catch (ClosedChannelException e) {
            // close() ended the read
        } catch (IOException e) {
            if (!closed) lines.add("error: pipe read failed: " + e.getMessage());
        }
    }

    /**
     * Sends one command and returns its reply lines without the final {@code done}; throws if
     * ExaBGP answers {@code error} or nothing within {@link #REPLY_TIMEOUT}.
     */
    List<String> command(String command) {
        return command(command, REPLY_TIMEOUT);
    }

    synchronized List<String> command(String command, Duration timeout) {
        if (command.contains("\n")) throw new IllegalArgumentException("one line only: " + command);
        lines.clear(); // a reply that arrived after an earlier timeout is not this command's
        try (FileChannel w = FileChannel.open(in, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            w.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new LabException("cannot write to " + in + ": " + e.getMessage(), e);
        }
        List<String> reply = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                String l = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (l == null) throw new LabException("ExaBGP did not answer '" + command + "' within " + timeout + "; got " + reply);
                if (l.equals("done")) return reply;
                if (l.equals("error")) throw new LabException("ExaBGP answered error to '" + command + "' (its log says why); got " + reply);
                reply.add(l);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted waiting for ExaBGP", e);
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        // Wake the reader's blocking read with a byte written through a second descriptor: a
        // FileChannel serialises read and write on one lock, so writing through 'out' would wait
        // for the very read it is meant to end. Opening for write does not block: 'out' reads.
        try (FileChannel waker = FileChannel.open(outPath, StandardOpenOption.WRITE)) {
            waker.write(ByteBuffer.wrap(new byte[] {'\n'}));
        } catch (IOException e) {
            // the FIFO is gone (lab directory deleted); close() below still ends the read
        }
        try {
            out.close();
            reader.join(Duration.ofSeconds(1));
        } catch (IOException e) {
            // closing anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
