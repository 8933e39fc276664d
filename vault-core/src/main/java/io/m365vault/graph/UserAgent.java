package io.m365vault.graph;

import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;

/**
 * Decorates every request as Microsoft asks ISVs to ({@code ISV|<company>|<app>/<version>}):
 * SharePoint and OneDrive give decorated traffic priority when they throttle, and undecorated
 * traffic is throttled first. The SDK's own product token follows ours.
 */
final class UserAgent implements Interceptor {
    static final String VALUE = "ISV|m365vault|m365vault/" + version();

    private static String version() {
        String v = UserAgent.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request().newBuilder().header("User-Agent", VALUE).build());
    }
}
