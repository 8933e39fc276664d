package io.m365vault.functions;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatusType;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import io.m365vault.console.ConsoleAssets;
import java.util.Optional;

/**
 * GET /api/console/{*path}: the web console's page and assets. Anonymous, as they hold no data
 * and no secret; every API call the page makes carries the function key the person enters.
 */
public class ConsoleApi {
    @FunctionName("Console")
    public HttpResponseMessage get(
            @HttpTrigger(name = "req", methods = {HttpMethod.GET}, authLevel = AuthorizationLevel.ANONYMOUS, route = "console/{*path}")
            HttpRequestMessage<Optional<String>> request, @BindingName("path") String path) {
        ConsoleAssets.Answer a = ConsoleAssets.get(request.getUri().getPath(), path);
        HttpResponseMessage.Builder b = request.createResponseBuilder(HttpStatusType.custom(a.status())).body(a.body());
        a.headers().forEach(b::header);
        return b.build();
    }
}
