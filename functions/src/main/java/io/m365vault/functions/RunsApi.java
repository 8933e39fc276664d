package io.m365vault.functions;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import java.util.Optional;

/** GET /api/runs?limit=N and GET /api/runs/{id}?state=S. */
public class RunsApi extends ServiceFunction {
    @FunctionName("ListRuns")
    public HttpResponseMessage list(
            @HttpTrigger(name = "req", methods = {HttpMethod.GET}, authLevel = AuthorizationLevel.FUNCTION, route = "runs")
            HttpRequestMessage<Optional<String>> request) {
        return HttpAnswers.send(request, services().api().runs(request.getQueryParameters().get("limit")));
    }

    @FunctionName("GetRun")
    public HttpResponseMessage get(
            @HttpTrigger(name = "req", methods = {HttpMethod.GET}, authLevel = AuthorizationLevel.FUNCTION, route = "runs/{id}")
            HttpRequestMessage<Optional<String>> request, @BindingName("id") String id) {
        return HttpAnswers.send(request, services().api().run(id, request.getQueryParameters().get("state")));
    }
}
