package io.m365vault.graphsim.entra;

import io.m365vault.graphsim.http.GraphError;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** The certificate of a PEM text, as an app registration's certificate credential is uploaded. */
public final class Pem {
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";

    private Pem() {
    }

    /** The first certificate in {@code pem}; other blocks (a private key) are skipped. */
    public static X509Certificate certificate(String pem) {
        int at = pem.indexOf(BEGIN);
        if (at < 0) {
            throw GraphError.badRequest("BadRequest", "the certificate must be PEM: no " + BEGIN + " line");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.substring(at).getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw GraphError.badRequest("BadRequest", "the certificate cannot be read: " + e.getMessage());
        }
    }
}
