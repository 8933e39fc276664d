package io.m365vault.cli;

import io.m365vault.repo.ChunkerParams;
import io.m365vault.repo.LocalPipeline;
import io.m365vault.repo.RuntimeReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `vault bench`: measurements of this machine's pipeline. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure the storage pipeline.",
        subcommands = {BenchCommand.Pipeline.class})
final class BenchCommand {

    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = "Every file under DIR through chunk, id, zstd and AEAD into packs in a local folder; prints one JSON line per pass.")
    static final class Pipeline implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "directory to read")
        Path dir;

        @Option(names = "--packs", paramLabel = "DIR", description = "where packs go (default: a temporary folder, removed after)")
        Path packs;

        @Option(names = "--workload", defaultValue = "files", description = "chunker parameters of this workload (default: ${DEFAULT-VALUE})")
        String workload;

        @Option(names = "--passes", defaultValue = "1", paramLabel = "N",
                description = "runs in this JVM, each into a new repository (fresh keys, empty index); one JSON line each."
                        + " The first is cold (JIT warm-up included), later ones show the steady state of a long-lived worker (default: ${DEFAULT-VALUE})")
        int passes;

        @Override
        public Integer call() throws Exception {
            if (passes < 1) {
                throw new ParameterException(spec.commandLine(), "--passes must be at least 1, got " + passes);
            }
            boolean temporary = packs == null;
            Path out = temporary ? Files.createTempDirectory("vault-bench") : packs;
            try {
                for (int pass = 1; pass <= passes; pass++) {
                    Path dirForPass = passes == 1 ? out : out.resolve("pass-" + pass);
                    LocalPipeline.Result r = LocalPipeline.run(dir, dirForPass, ChunkerParams.forWorkload(workload));
                    spec.commandLine().getOut().println(r.toJson(pass));
                    if (temporary) {
                        Cleanup.deleteTree(dirForPass);
                    }
                }
                // What the figures were made with (JIT mode, heap, crypto provider), beside the JSON on stdout.
                spec.commandLine().getErr().println("vault bench: " + RuntimeReport.line());
                return 0;
            } finally {
                if (temporary) {
                    Cleanup.deleteTree(out);
                }
            }
        }
    }
}
