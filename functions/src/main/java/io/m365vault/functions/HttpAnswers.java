package io.m365vault.functions;

import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatusType;
import io.m365vault.service.ApiHandler;
import io.m365vault.service.ApiResponse;
import java.util.Map;

/** Maps the API's answers onto the Functions' HTTP response, JSON always. */
final class HttpAnswers {
    private HttpAnswers() {
    }

    static HttpResponseMessage send(HttpRequestMessage<?> request, ApiResponse r) {
        HttpResponseMessage.Builder b = request.createResponseBuilder(HttpStatusType.custom(r.status()))
                .header("Content-Type", "application/json; charset=utf-8")
                .body(r.json());
        r.headers().forEach(b::header);
        return b.build();
    }

    /** A declared Content-Length over the limit: answered before the body is looked at. */
    static boolean declaredTooLarge(HttpRequestMessage<?> request) {
        for (Map.Entry<String, String> h : request.getHeaders().entrySet()) {
            if (h.getKey().equalsIgnoreCase("Content-Length")) {
                try {
                    return Long.parseLong(h.getValue().trim()) > ApiHandler.MAX_BODY_BYTES;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
