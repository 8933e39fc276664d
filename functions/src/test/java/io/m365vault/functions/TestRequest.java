package io.m365vault.functions;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An HTTP request as the Java worker hands it to a function, and the response builder it offers. */
final class TestRequest implements HttpRequestMessage<Optional<String>> {
    private final HttpMethod method;
    private final String body;
    final Map<String, String> headers = new HashMap<>();
    final Map<String, String> query = new HashMap<>();
    private URI uri = URI.create("http://localhost:7071/api/test");

    TestRequest(HttpMethod method, String body) {
        this.method = method;
        this.body = body;
        if (body != null) {
            headers.put("content-length", Integer.toString(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        }
    }

    static TestRequest get() {
        return new TestRequest(HttpMethod.GET, null);
    }

    static TestRequest post(String body) {
        return new TestRequest(HttpMethod.POST, body);
    }

    TestRequest query(String k, String v) {
        query.put(k, v);
        return this;
    }

    /** The request's URL, for a function that reads it. */
    TestRequest at(String url) {
        uri = URI.create(url);
        return this;
    }

    @Override
    public URI getUri() {
        return uri;
    }

    @Override
    public HttpMethod getHttpMethod() {
        return method;
    }

    @Override
    public Map<String, String> getHeaders() {
        return headers;
    }

    @Override
    public Map<String, String> getQueryParameters() {
        return query;
    }

    @Override
    public Optional<String> getBody() {
        return Optional.ofNullable(body);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
        return createResponseBuilder((HttpStatusType) status);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
        return new Response(status);
    }

    static final class Response implements HttpResponseMessage, HttpResponseMessage.Builder {
        private HttpStatusType status;
        private final Map<String, String> headers = new HashMap<>();
        private Object body;

        Response(HttpStatusType status) {
            this.status = status;
        }

        @Override
        public Builder status(HttpStatusType s) {
            status = s;
            return this;
        }

        @Override
        public Builder header(String k, String v) {
            headers.put(k, v);
            return this;
        }

        @Override
        public Builder body(Object b) {
            body = b;
            return this;
        }

        @Override
        public HttpResponseMessage build() {
            return this;
        }

        @Override
        public HttpStatusType getStatus() {
            return status;
        }

        @Override
        public String getHeader(String k) {
            return headers.get(k);
        }

        @Override
        public Object getBody() {
            return body;
        }
    }
}
