package io.m365vault.graphsim;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AnonymousAuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;

/** The real Graph SDK v6 pointed at a simulator, as the backup will use it. */
final class SdkClients {
    private SdkClients() {
    }

    static GraphServiceClient forSim(GraphSim sim) {
        GraphServiceClient client = new GraphServiceClient(new AnonymousAuthenticationProvider());
        client.getRequestAdapter().setBaseUrl(sim.baseUrl());
        return client;
    }

    /** The id of the first ordinary user with a mailbox: whose mailbox a test writes. */
    static String mailUser(GraphSim sim) {
        for (int i = 0; ; i++) {
            io.m365vault.graphsim.model.SimUser u = sim.tenant().directory().user(i);
            if (u.kind == io.m365vault.graphsim.model.SimUser.Kind.NORMAL && u.hasMailbox()) {
                return u.id;
            }
        }
    }

    /** The AttachmentItem of an Outlook createUploadSession for a file. */
    static com.microsoft.graph.models.AttachmentItem fileItem(String name, long size) {
        com.microsoft.graph.models.AttachmentItem item = new com.microsoft.graph.models.AttachmentItem();
        item.setAttachmentType(com.microsoft.graph.models.AttachmentType.File);
        item.setName(name);
        item.setSize(size);
        return item;
    }

    /** Sends {@code data} into an upload session with the SDK's LargeFileUploadTask, in slices of {@code slice} bytes. */
    static com.microsoft.graph.core.models.UploadResult<com.microsoft.graph.models.AttachmentItem> upload(
            GraphServiceClient graph, com.microsoft.graph.models.UploadSession session, byte[] data, int slice) throws Exception {
        return new com.microsoft.graph.core.tasks.LargeFileUploadTask<>(graph.getRequestAdapter(), session, new java.io.ByteArrayInputStream(data),
                data.length, slice, com.microsoft.graph.models.AttachmentItem::createFromDiscriminatorValue).upload();
    }

    /** Turns the SDK's own retries off for a request, so a test sees the 429/503 itself. */
    static RequestOption noRetry() {
        return new RetryHandlerOption((delay, attempt, request, response) -> false, 0, 0);
    }
}
