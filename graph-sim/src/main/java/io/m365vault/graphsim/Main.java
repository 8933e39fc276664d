package io.m365vault.graphsim;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar graph-sim.jar --port 8080 --seed 7 --users 100}; {@code --help} lists every knob. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        SimConfig config = new SimConfig();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    help(System.out);
                    return;
                }
                if (!a.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + a + "' (see --help)");
                }
                String name = a.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("--" + name + " needs a value (see --help)");
                }
                SimConfig.Knob knob = SimConfig.knob(name);
                try {
                    knob.apply().accept(config, value);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("--" + name + ": bad value '" + value + "', expected " + knob.arg());
                }
            }
            config.validate();
        } catch (IllegalArgumentException e) {
            System.err.println("graph-sim: " + e.getMessage());
            System.exit(2);
            return;
        }
        GraphSim sim = GraphSim.builder().config(c -> copy(config, c)).build().start();
        System.out.println("graph-sim listening: " + sim.baseUrl() + "  (control: " + sim.baseUrl().replace("/v1.0", "/_sim") + "/stats)");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stop.countDown();
        }));
        stop.await();
    }

    private static void copy(SimConfig from, SimConfig to) {
        for (var f : SimConfig.class.getFields()) {
            try {
                if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    f.set(to, f.get(from));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static void help(PrintStream out) {
        out.println("Usage: java -jar graph-sim.jar [--KNOB VALUE]...");
        out.println("A Microsoft Graph simulator on 127.0.0.1: Graph under /v1.0, control under /_sim.");
        out.println();
        for (SimConfig.Knob k : SimConfig.KNOBS) {
            out.printf(Locale.ROOT, "  --%-26s %s%n", k.name() + " " + k.arg(), k.help());
        }
        out.println();
        out.println("Control: GET /_sim/stats, GET|POST /_sim/faults, POST /_sim/mutate, GET /_sim/snapshot?owner=ID");
    }
}
