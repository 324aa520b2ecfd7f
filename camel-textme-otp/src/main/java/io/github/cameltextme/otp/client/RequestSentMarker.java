package io.github.cameltextme.otp.client;

import java.io.IOException;

import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Records in a call's HTTP context that the connection to TextMe was made (TCP, TLS and any proxy tunnel) and the
 * request is about to be written, so that a failure can tell whether the request may have reached TextMe.
 */
final class RequestSentMarker implements ExecChainHandler {

    private static final String NAME = "textme-otp-request-sent";
    private static final RequestSentMarker INSTANCE = new RequestSentMarker();

    private RequestSentMarker() {
    }

    /** Puts the marker in the exec chain right after the step that connects. */
    static void install(HttpClientBuilder builder) {
        builder.addExecInterceptorAfter(ChainElement.CONNECT.name(), NAME, INSTANCE);
    }

    /** Whether the call of this context got as far as writing its request. */
    static boolean requestWasSent(HttpContext context) {
        return context.getAttribute(NAME) != null;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        scope.clientContext.setAttribute(NAME, Boolean.TRUE);
        return chain.proceed(request, scope);
    }
}
