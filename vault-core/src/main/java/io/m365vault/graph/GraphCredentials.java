package io.m365vault.graph;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.AadCredentialBuilderBase;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.kiota.authentication.AnonymousAuthenticationProvider;
import com.microsoft.kiota.authentication.AuthenticationProvider;

/** The credential of {@link GraphSettings}, and the SDK's authentication providers over it. */
final class GraphCredentials {
    private GraphCredentials() {
    }

    /**
     * Tokens of {@code credential} (null: none) for {@code host} only, never for redirect targets or
     * other hosts: Graph's host with Graph's scope, a SharePoint host with its own.
     */
    static AuthenticationProvider provider(TokenCredential credential, String host, String scope) {
        if (credential == null) {
            return new AnonymousAuthenticationProvider();
        }
        return new AzureIdentityAuthenticationProvider(credential, new String[] {host}, scope);
    }

    /** Null when the settings ask for no credential (plain http, the simulator). */
    static TokenCredential credential(GraphSettings s) {
        return switch (s.auth()) {
            case NONE -> null;
            case CLIENT_SECRET -> authority(new ClientSecretCredentialBuilder(), s)
                    .tenantId(s.tenantId()).clientId(s.clientId()).clientSecret(s.clientSecret()).build();
            case CERTIFICATE -> {
                ClientCertificateCredentialBuilder b = authority(new ClientCertificateCredentialBuilder(), s).tenantId(s.tenantId()).clientId(s.clientId());
                String path = s.clientCert().toString();
                if ("pem".equals(GraphSettings.certKind(s.clientCert()))) {
                    b.pemCertificate(path);
                } else {
                    b.pfxCertificate(path);
                    if (s.certPassword() != null) {
                        b.clientCertificatePassword(s.certPassword());
                    }
                }
                yield b.build();
            }
            case MANAGED_IDENTITY -> {
                // The managed identity's endpoint is the host's, whatever the authority.
                ManagedIdentityCredentialBuilder b = new ManagedIdentityCredentialBuilder();
                if (s.clientId() != null && !s.clientId().isBlank()) {
                    b.clientId(s.clientId());
                }
                yield b.build();
            }
        };
    }

    /**
     * The builder pointed at GRAPH_AUTHORITY_HOST when set. A host named there is taken as it is:
     * MSAL's instance discovery would ask login.microsoftonline.com to vouch for it.
     */
    private static <T extends AadCredentialBuilderBase<T>> T authority(T builder, GraphSettings s) {
        if (s.authorityHost() != null) {
            builder.authorityHost(s.authorityHost()).disableInstanceDiscovery();
        }
        return builder;
    }
}
