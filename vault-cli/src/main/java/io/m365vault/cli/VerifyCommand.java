package io.m365vault.cli;

import io.m365vault.repo.Verifier;
import io.m365vault.repo.VerifyReport;
import io.m365vault.service.VaultServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `vault verify`: the index against the packs, the catalog against the index, and with --read-data every chunk. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the repository: the index against the packs' headers and the catalog against the index.",
                "With --read-data, also download and decrypt every chunk and check its id,",
                "and check that the chunks every chunk-list chunk names are indexed."})
final class VerifyCommand extends RepoCommand {
    @Option(names = "--read-data", description = "decrypt every chunk (reads the whole repository)")
    boolean readData;

    @Override
    public Integer call() {
        CliEnv env = env();
        try (VaultServices vs = open()) {
            long t0 = System.nanoTime();
            VerifyReport r = new Verifier(vs.repo()).verify(readData);
            r.errors().forEach(e -> env.out().println("error: " + e));
            env.out().printf("packs %d, index rows %d, chunks read %d, unindexed chunks %d, catalog refs %d, listed chunks %d, errors %d, %s%n",
                    r.packs(), r.indexRows(), r.chunksRead(), r.unindexedChunks(), r.catalogRefs(), r.listedChunks(), r.errors().size(),
                    Sizes.duration(java.time.Duration.ofNanos(System.nanoTime() - t0)));
            if (!r.ok()) {
                throw new IllegalStateException("repository " + repo.name + " has " + r.errors().size() + " problems (listed above)");
            }
            env.out().println("repository " + repo.name + " is sound" + (readData ? ", every chunk decrypted" : ""));
            return 0;
        }
    }
}
