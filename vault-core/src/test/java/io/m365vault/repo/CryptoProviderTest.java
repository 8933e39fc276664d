package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class CryptoProviderTest {
    @Test
    void theNativeProviderLoadsOnLinuxX8664() {
        assumeTrue(CryptoProviders.nativeExpected(), "the native provider's jar has linux-x86_64 code only");
        assertNull(CryptoProvider.nativeMissing());
        CryptoProvider accp = CryptoProvider.nativeProvider();
        assertNotNull(accp);
        assertTrue(accp.isNative());
        assertTrue(accp.name().startsWith("Amazon Corretto Crypto Provider 2.5"), accp.name());
        assertEquals("AmazonCorrettoCryptoProvider", accp.sha256().getProvider().getName());
        assertEquals(accp, CryptoProvider.inUse(), "where it loads it is the default");
    }

    @Test
    void theJdksIsTheJdksAndFedInPieces() throws Exception {
        assertFalse(CryptoProvider.JDK.isNative());
        assertEquals("SUN", CryptoProvider.JDK.sha256().getProvider().getName());
        assertEquals("SunJCE", CryptoProvider.JDK.newCipher("AES/GCM/NoPadding").getProvider().getName());
        assertEquals(4096, CryptoProvider.JDK.piece());
    }

    @Test
    void chaCha20Poly1305ComesFromTheJdkUnderEither() throws Exception {
        for (CryptoProvider p : CryptoProviders.all()) {
            assertEquals("SunJCE", p.newCipher("ChaCha20-Poly1305").getProvider().getName(), p.name());
        }
    }

    @Test
    void everyProviderHashesAlike() {
        byte[] data = TestRepos.random(3, 1 << 20);
        for (CryptoProvider p : CryptoProviders.all()) {
            assertArrayEquals(CryptoProvider.JDK.sha256().digest(data), p.sha256().digest(data), p.name());
            assertEquals(PackWriter.sha256(CryptoProvider.JDK, data), PackWriter.sha256(p, data), p.name());
        }
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", PackWriter.sha256(CryptoProvider.JDK, new byte[0]));
    }

    @Test
    void theRuntimeReportNamesTheJitModeAndTheProviderInUse() {
        String line = RuntimeReport.line();
        assertTrue(line.contains("C2 (tiered)"), line);
        assertTrue(line.contains("by " + CryptoProvider.inUse().name() + ", sealing with AES-256-GCM"), line);
        if (CryptoProviders.nativeExpected()) {
            assertFalse(line.contains("did not load"), line);
        }
    }

    @Test
    void thePropertyChoosesAndAMissingNativeProviderIsOneClearError() {
        assertEquals(CryptoProvider.JDK, CryptoProvider.choose("jdk"));
        assertEquals(CryptoProvider.JDK, CryptoProvider.choose("JDK"));
        if (CryptoProvider.nativeProvider() != null) {
            assertEquals(CryptoProvider.nativeProvider(), CryptoProvider.choose("native"));
            assertEquals(CryptoProvider.nativeProvider(), CryptoProvider.choose("auto"));
        } else {
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> CryptoProvider.choose("native"));
            assertTrue(e.getMessage().startsWith("m365vault.crypto=native, but the Amazon Corretto Crypto Provider did not load"), e.getMessage());
            assertEquals(CryptoProvider.JDK, CryptoProvider.choose("auto"));
        }
    }
}
