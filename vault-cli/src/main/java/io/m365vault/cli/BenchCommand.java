package io.m365vault.cli;

import io.m365vault.repo.ChunkerParams;
import io.m365vault.repo.LocalPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vault bench`: measurements of this machine's pipeline. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure the storage pipeline.",
        subcommands = {BenchCommand.Pipeline.class})
final class BenchCommand {

    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = "Every file under DIR through chunk, id, zstd and AEAD into packs in a local folder; prints one JSON line.")
    static final class Pipeline implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "directory to read")
        Path dir;

        @Option(names = "--packs", paramLabel = "DIR", description = "where packs go (default: a temporary folder, removed after)")
        Path packs;

        @Option(names = "--workload", defaultValue = "files", description = "chunker parameters of this workload (default: ${DEFAULT-VALUE})")
        String workload;

        @Override
        public Integer call() throws Exception {
            boolean temporary = packs == null;
            Path out = temporary ? Files.createTempDirectory("vault-bench") : packs;
            try {
                LocalPipeline.Result r = LocalPipeline.run(dir, out, ChunkerParams.forWorkload(workload));
                System.out.println(r.toJson());
                return 0;
            } finally {
                if (temporary) {
                    Cleanup.deleteTree(out);
                }
            }
        }
    }
}
