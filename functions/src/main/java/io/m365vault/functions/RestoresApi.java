package io.m365vault.functions;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import io.m365vault.service.ApiHandler;
import java.util.Optional;

/** POST /api/restores (202 + Location) and GET /api/restores/{id}. */
public class RestoresApi extends ServiceFunction {
    @FunctionName("SubmitRestore")
    public HttpResponseMessage submit(
            @HttpTrigger(name = "req", methods = {HttpMethod.POST}, authLevel = AuthorizationLevel.FUNCTION, route = "restores")
            HttpRequestMessage<Optional<String>> request) {
        if (HttpAnswers.declaredTooLarge(request)) {
            return HttpAnswers.send(request, ApiHandler.tooLarge());
        }
        return HttpAnswers.send(request, services().api().submitRestore(request.getBody().orElse("")));
    }

    @FunctionName("GetRestore")
    public HttpResponseMessage get(
            @HttpTrigger(name = "req", methods = {HttpMethod.GET}, authLevel = AuthorizationLevel.FUNCTION, route = "restores/{id}")
            HttpRequestMessage<Optional<String>> request, @BindingName("id") String id) {
        return HttpAnswers.send(request, services().api().restore(id));
    }
}
