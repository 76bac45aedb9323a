package io.proxima.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands that talk to a running daemon through its API: status, drain, undrain, reload. */
final class ControlCommands {

    // In a holder, so the mapper (and Jackson's databind) loads on first use, not when picocli
    // builds every subcommand for `proxima run`: see EventLog.
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private ControlCommands() { }

    /** Prints the error and returns the exit code for a failed request. */
    private static int failed(PrintStream err, ApiClient.Reply r) {
        JsonNode e = r.body().path("errors");
        if (e.isArray() && !e.isEmpty()) {
            for (JsonNode n : e) err.println("proxima: " + n.asText());
        } else {
            err.println("proxima: " + r.body().path("error").asText(r.body().toString()) + " (HTTP " + r.status() + ")");
        }
        return r.status() == 404 || r.status() == 400 || r.status() == 401 ? Main.USAGE : Main.FINDINGS;
    }

    private static int unreachable(PrintStream err, IOException e) {
        err.println("proxima: " + e.getMessage());
        return Main.FINDINGS;
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Show the running daemon: services and their checks, peers, what is announced where and why."},
            footer = {"", "Exit codes: 0 shown; 1 no daemon answered; 2 usage error, or the API refused the token."})
    static final class Status implements Callable<Integer> {
        enum Output { table, json }

        @Mixin ApiClient.Target target = new ApiClient.Target();

        @Option(names = {"-o", "--output"}, description = "table or json (default: ${DEFAULT-VALUE})")
        Output output = Output.table;

        private final PrintStream out;
        private final PrintStream err;

        Status(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() throws Exception {
            ApiClient.Reply status;
            ApiClient.Reply routes;
            try {
                ApiClient api = ApiClient.of(target);
                status = api.get("/v1/status");
                if (status.status() != 200) return failed(err, status);
                routes = api.get("/v1/routes");
                if (routes.status() != 200) return failed(err, routes);
            } catch (IOException e) {
                return unreachable(err, e);
            }
            if (output == Output.json) {
                var node = (com.fasterxml.jackson.databind.node.ObjectNode) status.body().deepCopy();
                node.set("routes", routes.body());
                out.println(Json.MAPPER.writeValueAsString(node));
                return Main.OK;
            }
            JsonNode s = status.body();
            out.printf("router-id %s, AS %s%s%n", s.path("router_id").asText(), s.path("local_as").asText(),
                    s.path("lease_ok").asBoolean(true) ? "" : "  LEASE EXPIRED: everything withdrawn");
            out.println();
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"SERVICE", "STATE", "ANNOUNCED", "WHY"});
            for (JsonNode svc : s.path("services")) {
                rows.add(new String[] {svc.path("name").asText(), svc.path("state").asText(),
                    svc.path("announced").asBoolean() ? "yes" : "no", svc.path("why").asText()});
                for (JsonNode c : svc.path("checks")) {
                    rows.add(new String[] {"  " + c.path("name").asText(), c.path("state").asText(),
                        c.path("optional").asBoolean() ? "(optional)" : "", c.path("reason").asText()});
                }
            }
            table(rows);
            out.println();
            rows = new ArrayList<>();
            rows.add(new String[] {"PEER", "AS", "STATE", "UPTIME", "UPDATES IN/OUT", "ROUTES SENT", "BFD"});
            for (JsonNode p : s.path("peers")) {
                rows.add(new String[] {p.path("address").asText(), p.path("remote_as").asText(), p.path("state").asText(),
                    String.format("%.0fs", p.path("uptime_seconds").asDouble()),
                    p.path("updates_in").asText() + "/" + p.path("updates_out").asText(), p.path("routes_sent").asText(), bfd(p.path("bfd"))});
            }
            table(rows);
            out.println();
            rows = new ArrayList<>();
            rows.add(new String[] {"PEER", "PREFIX", "SERVICE", "SENT", "WHY"});
            for (JsonNode r : routes.body()) {
                rows.add(new String[] {r.path("peer").asText(), r.path("prefix").asText(), r.path("service").asText(),
                    r.path("sent").asBoolean() ? "yes" : "no", r.path("why").asText()});
            }
            table(rows);
            return Main.OK;
        }

        /** "Up, 300 ms detection (3 × 100 ms)", "Down: no packet for 300 ms …", or "-" without BFD. */
        private static String bfd(JsonNode b) {
            if (b.isMissingNode()) return "-";
            String state = b.path("state").asText();
            if (state.equals("Up")) {
                return String.format("Up, %.0f ms detection (%d x %.0f ms)", b.path("detection_time_ms").asDouble(),
                        b.path("remote_multiplier").asInt(), b.path("rx_interval_ms").asDouble());
            }
            return state + " (" + b.path("diagnostic").asText() + ")";
        }

        private void table(List<String[]> rows) {
            int cols = rows.get(0).length;
            int[] w = new int[cols];
            for (String[] r : rows) for (int i = 0; i < cols - 1; i++) w[i] = Math.max(w[i], r[i].length());
            for (String[] r : rows) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < cols; i++) {
                    sb.append(r[i]);
                    if (i < cols - 1) sb.append(" ".repeat(w[i] - r[i].length() + 2));
                }
                out.println(sb.toString().stripTrailing());
            }
        }
    }

    @Command(name = "drain", mixinStandardHelpOptions = true,
            description = {"Drain services for maintenance: announce with GRACEFUL_SHUTDOWN (65535:0) for the service's",
                "drain time, then withdraw. Sessions stay up. Persisted: a restarted node stays drained.",
                "Without SERVICE, every service."},
            footer = {"", "Exit codes: 0 drained; 1 no daemon answered; 2 no such service, or usage error."})
    static final class Drain implements Callable<Integer> {
        @Mixin ApiClient.Target target = new ApiClient.Target();

        @Parameters(arity = "0..1", paramLabel = "SERVICE")
        String service;

        private final PrintStream out;
        private final PrintStream err;
        private final boolean undrain;

        Drain(PrintStream out, PrintStream err, boolean undrain) {
            this.out = out;
            this.err = err;
            this.undrain = undrain;
        }

        @Override
        public Integer call() throws Exception {
            String verb = undrain ? "undrain" : "drain";
            String path = service == null ? "/v1/" + verb : "/v1/services/" + service + "/" + verb;
            try {
                ApiClient.Reply r = ApiClient.of(target).post(path);
                if (r.status() != 200) return failed(err, r);
                List<String> names = new ArrayList<>();
                r.body().path(verb + "ed").forEach(n -> names.add(n.asText()));
                out.println(verb + "ed: " + String.join(", ", names));
                return Main.OK;
            } catch (IOException e) {
                return unreachable(err, e);
            }
        }
    }

    @Command(name = "undrain", mixinStandardHelpOptions = true,
            description = {"Undo a drain: the services are announced again while healthy. Without SERVICE, every service."},
            footer = {"", "Exit codes: 0 undrained; 1 no daemon answered; 2 no such service, or usage error."})
    static final class Undrain implements Callable<Integer> {
        @Mixin ApiClient.Target target = new ApiClient.Target();

        @Parameters(arity = "0..1", paramLabel = "SERVICE")
        String service;

        private final PrintStream out;
        private final PrintStream err;

        Undrain(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() throws Exception {
            Drain d = new Drain(out, err, true);
            d.target = target;
            d.service = service;
            return d.call();
        }
    }

    @Command(name = "reload", mixinStandardHelpOptions = true,
            description = {"Make the daemon re-read its config and apply it as a diff. Checks and policy change without",
                "resetting any session; a changed peer is reset alone. An invalid config is refused (its errors",
                "are printed) and the running one is kept. The same as SIGHUP."},
            footer = {"", "Exit codes: 0 applied; 1 no daemon answered; 2 the new config was refused."})
    static final class Reload implements Callable<Integer> {
        @Mixin ApiClient.Target target = new ApiClient.Target();

        private final PrintStream out;
        private final PrintStream err;

        Reload(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() throws Exception {
            try {
                ApiClient.Reply r = ApiClient.of(target).post("/v1/reload");
                if (r.status() != 200) {
                    failed(err, r);
                    return Main.USAGE;
                }
                List<String> changes = new ArrayList<>();
                r.body().path("changes").forEach(n -> changes.add(n.asText()));
                out.println("reloaded: " + (changes.isEmpty() ? "no changes" : String.join(", ", changes)));
                return Main.OK;
            } catch (IOException e) {
                return unreachable(err, e);
            }
        }
    }
}
