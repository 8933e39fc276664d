package io.m365vault.graph;

import com.azure.core.exception.ClientAuthenticationException;
import com.microsoft.aad.msal4j.MsalException;
import io.m365vault.config.Setting;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a refusal of the app's credentials from a refusal of one request. The token endpoint
 * refusing the secret or certificate (AADSTS errors), Graph answering 401 before it has accepted
 * any request of this client, and 403 {@code Authorization_RequestDenied} (the directory: the app
 * lacks an application permission) are the app's, and so is no answer from Entra ID at all; any
 * other 401 or 403 (a mailbox that denies access) is that item's and stays a {@link GraphStatusException}.
 */
final class Refusals {
    private static final Pattern AADSTS = Pattern.compile("(AADSTS\\d+): ?([^\\r\\n.]*)");
    /** The setting each common token-endpoint refusal points at; others point at the credential itself. */
    private static final Map<String, Setting> SETTING_OF = Map.of(
            "AADSTS7000215", Setting.GRAPH_CLIENT_SECRET,   // invalid client secret
            "AADSTS7000222", Setting.GRAPH_CLIENT_SECRET,   // client secret expired
            "AADSTS700027", Setting.GRAPH_CLIENT_CERT,      // assertion signed by a certificate the app does not have
            "AADSTS700016", Setting.GRAPH_CLIENT_ID,        // no such app in the tenant
            "AADSTS90002", Setting.GRAPH_TENANT_ID,         // no such tenant
            "AADSTS900023", Setting.GRAPH_TENANT_ID);       // malformed tenant id
    private final GraphSettings settings;
    private final boolean answers;
    private final AtomicBoolean accepted = new AtomicBoolean();

    Refusals(GraphSettings settings) {
        this(settings, true);
    }

    private Refusals(GraphSettings settings, boolean answers) {
        this.settings = settings;
        this.answers = answers;
    }

    /**
     * For a service other than Graph (SharePoint REST): Entra ID refusing a token is still the app's
     * refusal, but every 401 or 403 answer is the request's own.
     */
    static Refusals ofTokenOnly(GraphSettings settings) {
        return new Refusals(settings, false);
    }

    /**
     * The refusal a failure to sign a request (the credential asking Entra ID for a token) is,
     * or null when it is not one (the caller throws it as it is).
     */
    CredentialsRefusedException token(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = AADSTS.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                String code = m.group(1);
                Setting s = SETTING_OF.getOrDefault(code, credentialSetting());
                return new CredentialsRefusedException(s + ": the tenant " + settings.tenantId() + " refuses the credentials of app "
                        + settings.clientId() + " (" + code + ": " + m.group(2).strip() + ")", e);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClientAuthenticationException || t instanceof MsalException) {
                // No answer from Entra ID (or the managed identity's endpoint): no request can be signed either.
                String where = settings.auth() == GraphSettings.Auth.MANAGED_IDENTITY ? "the managed identity"
                        : settings.authorityHost() != null ? settings.authorityHost() : "Entra ID";
                return new CredentialsRefusedException(credentialSetting() + ": no token for app " + app() + " from " + where + ": "
                        + firstLine(root(t)), e);
            }
        }
        return null;
    }

    private static Throwable root(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r;
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.strip().lines().findFirst().orElse(m).strip();
    }

    /** The refusal an error answer of Graph is, or null when it is the request's own. */
    CredentialsRefusedException answer(String method, String url, int status, GraphErrorBody error) {
        if (!answers) {
            return null;
        }
        String detail = status + (error.summary().isEmpty() ? "" : " " + error.summary());
        if (status == 403 && "Authorization_RequestDenied".equals(error.code())) {
            return new CredentialsRefusedException(Setting.GRAPH_CLIENT_ID + ": Graph refuses " + method + " " + url + ": the app "
                    + app() + " lacks the application permission it needs (" + detail + "): grant it with admin consent", null);
        }
        if (status == 401 && !accepted.get()) {
            String line = settings.auth() == GraphSettings.Auth.NONE
                    ? Setting.GRAPH_BASE_URL + ": " + settings.baseUrl() + " refuses requests without a token (" + detail
                            + "): a token is sent only over https"
                    : credentialSetting() + ": Graph refuses the token of app " + app() + " in tenant " + settings.tenantId()
                            + " (" + detail + ")";
            return new CredentialsRefusedException(line, null);
        }
        return null;
    }

    /** Graph answered without refusing the credentials: a later 401 is that request's own. */
    void accepted(int status) {
        if (status != 401 && status != 403) {
            accepted.set(true);
        }
    }

    private String app() {
        return settings.clientId() == null ? "(managed identity)" : settings.clientId();
    }

    private Setting credentialSetting() {
        return switch (settings.auth()) {
            case CLIENT_SECRET -> Setting.GRAPH_CLIENT_SECRET;
            case CERTIFICATE -> Setting.GRAPH_CLIENT_CERT;
            default -> Setting.GRAPH_CLIENT_ID;
        };
    }
}
