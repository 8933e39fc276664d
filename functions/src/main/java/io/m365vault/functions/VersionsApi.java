package io.m365vault.functions;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import java.util.Map;
import java.util.Optional;

/**
 * GET /api/items: the protected items by name; GET /api/items/{item}/versions?at=&path=: an item's
 * folders and item versions at a point in time; GET /api/items/{item}/search?q=&from=&to=&at=: its
 * versions at that time by words and dates.
 */
public class VersionsApi extends ServiceFunction {
    @FunctionName("ListItems")
    public HttpResponseMessage items(
            @HttpTrigger(name = "req", methods = {HttpMethod.GET}, authLevel = AuthorizationLevel.FUNCTION, route = "items")
            HttpRequestMessage<Optional<String>> request) {
        return HttpAnswers.send(request, services().api().items());
    }

    @FunctionName("ItemVersions")
    public HttpResponseMessage versions(
            @HttpTrigger(name = "req", methods = {HttpMethod.GET}, authLevel = AuthorizationLevel.FUNCTION,
                    route = "items/{item}/versions") HttpRequestMessage<Optional<String>> request,
            @BindingName("item") String item) {
        Map<String, String> q = request.getQueryParameters();
        return HttpAnswers.send(request, services().api().versions(item, q.get("at"), q.get("path")));
    }

    @FunctionName("SearchItem")
    public HttpResponseMessage search(
            @HttpTrigger(name = "req", methods = {HttpMethod.GET}, authLevel = AuthorizationLevel.FUNCTION,
                    route = "items/{item}/search") HttpRequestMessage<Optional<String>> request,
            @BindingName("item") String item) {
        Map<String, String> q = request.getQueryParameters();
        return HttpAnswers.send(request, services().api().search(item, q.get("at"), q.get("q"), q.get("from"), q.get("to")));
    }
}
