package io.m365vault.repo;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.prf.HmacPrfKey;
import com.google.crypto.tink.prf.HmacPrfParameters;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 of the primary key of a Tink PRF keyset, as Tink's PrfSet computes it with a
 * 32-byte output (see the test), but over a range of the caller's array: Tink's takes whole
 * arrays, which cost a copy of every chunk before it was hashed.
 */
final class JceHmac {
    private final ThreadLocal<Mac> mac;

    private JceHmac(SecretKeySpec key, CryptoProvider crypto) {
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = crypto.hmacSha256();
                m.init(key);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("no HmacSHA256 here: " + e.getMessage(), e);
            }
        });
    }

    /**
     * For the keyset's primary key, which must be an HMAC-SHA256 PRF key (chunk ids are defined
     * so), computed by {@code crypto}: every provider gives the same ids.
     */
    static JceHmac forKeyset(KeysetHandle handle, CryptoProvider crypto) throws GeneralSecurityException {
        if (handle.getPrimary().getKey() instanceof HmacPrfKey k
                && k.getParameters().getHashType() == HmacPrfParameters.HashType.SHA256) {
            return new JceHmac(new SecretKeySpec(k.getKeyBytes().toByteArray(InsecureSecretKeyAccess.get()), "HmacSHA256"), crypto);
        }
        throw new GeneralSecurityException("the chunk id keyset's primary key is not an HMAC-SHA256 PRF key");
    }

    /** The 32-byte HMAC of {@code buf[off, off+len)}. */
    byte[] compute(byte[] buf, int off, int len) {
        Mac m = mac.get();
        m.update(buf, off, len);
        return m.doFinal();
    }
}
