package io.proxima.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.proxima.bgp.wire.DecodeResult;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.MessageDecoder;
import io.proxima.bgp.wire.MessageError;
import io.proxima.bgp.wire.SessionFacts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode raw BGP messages, binary or hex, under stated session facts.",
            "A binary file starts with the 16-octet marker; several messages may follow each other.",
            "With --hex the file holds hexadecimal text. The session facts are given, never guessed."},
        footer = {"", "Exit codes: 0 every message well-formed; 1 at least one malformed (code, subcode and disposition printed);",
            "2 a file could not be read or the hex is not hex; 3 internal error (a bug)."})
final class DecodeCommand implements Callable<Integer> {

    enum Output { text, json }

    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--hex", description = "Files hold hexadecimal text (whitespace ignored).")
    boolean hex;

    @Option(names = "--as4", description = "4-octet AS numbers were negotiated (RFC 6793).")
    boolean as4;

    @Option(names = "--addpath", description = "ADD-PATH receive was negotiated for IPv4 and IPv6 unicast (RFC 7911).")
    boolean addPath;

    @Option(names = "--extended", description = "Extended messages up to 65535 octets were negotiated (RFC 8654).")
    boolean extended;

    @Option(names = {"-o", "--output"}, description = "text or json (default: ${DEFAULT-VALUE})")
    Output output = Output.text;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files = new ArrayList<>();

    DecodeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        SessionFacts facts = new SessionFacts(as4,
                addPath ? Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST) : Set.of(), extended, false);
        boolean malformed = false;
        List<Object> all = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Path f : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
                if (hex) bytes = HexFormat.of().parseHex(new String(bytes, StandardCharsets.US_ASCII).replaceAll("\\s+", ""));
            } catch (IOException e) {
                err.println("proxima decode: cannot read " + f + ": " + e.getMessage());
                return Main.USAGE;
            } catch (IllegalArgumentException e) {
                err.println("proxima decode: " + f + " is not hex: " + e.getMessage());
                return Main.USAGE;
            }
            ByteBuf buf = Unpooled.wrappedBuffer(bytes);
            int index = 0;
            do {
                int at = buf.readerIndex();
                DecodeResult r = MessageDecoder.decode(buf, facts);
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("file", f.toString());
                v.put("offset", at);
                switch (r) {
                    case DecodeResult.Decoded d -> {
                        v.put("well_formed", true);
                        v.put("message", MessageView.of(d.message()));
                    }
                    case MessageError e -> {
                        malformed = true;
                        v.put("well_formed", false);
                        v.put("error", MessageView.error(e));
                    }
                }
                all.add(v);
                if (output == Output.text) {
                    text.append(f).append(" message ").append(index).append(" at offset ").append(at).append('\n');
                    MessageView.text(v.containsKey("message") ? v.get("message") : Map.of("malformed", v.get("error")), text, "  ");
                }
                index++;
            } while (buf.isReadable());
        }
        if (output == Output.json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
        } else {
            out.print(text);
        }
        out.flush();
        return malformed ? Main.FINDINGS : Main.OK;
    }
}
