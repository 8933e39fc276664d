package io.m365vault.service;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobStorageException;
import io.m365vault.config.Setting;
import io.m365vault.repo.StorageAccount;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Storage and Graph tried once, with short timeouts, before any SDK call: the SDKs retry a closed
 * port or a refused key for a minute and then report a stack of transport errors. Here that is
 * a few seconds and one line naming the setting to look at.
 */
public final class Reachability {
    static final Duration CONNECT = Duration.ofSeconds(3);
    static final Duration ANSWER = Duration.ofSeconds(10);

    private Reachability() {
    }

    /**
     * The account's blob, table and queue endpoints accept a connection, and the blob service
     * takes the credentials (asked about {@code container}, which need not exist).
     *
     * @throws SettingsException one line naming VAULT_STORAGE
     */
    public static void storage(StorageAccount account, String container) {
        BlobServiceClient blobs = account.blobs();
        connect(Setting.VAULT_STORAGE, blobs.getAccountUrl());
        connect(Setting.VAULT_STORAGE, account.tables().getServiceEndpoint());
        connect(Setting.VAULT_STORAGE, account.queues().getQueueServiceUrl());
        try {
            blobs.getBlobContainerClient(container).existsWithResponse(ANSWER, Context.NONE);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 401 || e.getStatusCode() == 403) {
                throw new SettingsException(Setting.VAULT_STORAGE + ": " + blobs.getAccountUrl() + " refuses the credentials ("
                        + e.getStatusCode() + " " + e.getErrorCode() + "): check the account key, or the identity's role on the account");
            }
            throw e;
        } catch (ClientAuthenticationException e) {
            throw new SettingsException(Setting.VAULT_STORAGE + ": no credential for " + blobs.getAccountUrl() + ": " + firstLine(e));
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof java.util.concurrent.TimeoutException) {
                throw new SettingsException(Setting.VAULT_STORAGE + ": " + blobs.getAccountUrl() + " gave no answer within "
                        + ANSWER.toSeconds() + " s");
            }
            throw e;
        }
    }

    /**
     * The URL's host accepts a TCP connection within {@link #CONNECT}.
     *
     * @throws SettingsException one line naming {@code setting}, the host and port, and why not
     */
    static void connect(Setting setting, String url) {
        URI u = URI.create(url);
        int port = u.getPort() != -1 ? u.getPort() : "http".equals(u.getScheme()) ? 80 : 443;
        String why;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(u.getHost(), port), (int) CONNECT.toMillis());
            return;
        } catch (UnknownHostException e) {
            why = "unknown host";
        } catch (ConnectException e) {
            why = "connection refused";
        } catch (SocketTimeoutException e) {
            why = "no answer within " + CONNECT.toSeconds() + " s";
        } catch (IOException e) {
            why = firstLine(e);
        }
        throw new SettingsException(setting + ": cannot reach " + u.getHost() + ":" + port + " (" + why + ")");
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.strip().lines().findFirst().orElse("");
    }
}
