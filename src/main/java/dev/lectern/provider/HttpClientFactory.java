package dev.lectern.provider;

import java.time.Duration;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Builds the one shared OkHttpClient (connection pool + dispatcher threads). Each provider derives its own
 * with {@code newBuilder()}, which shares both. There is no read timeout: a generation may send nothing for
 * minutes, and the per-call timeout bounds it instead. No logging interceptor: headers carry keys.
 */
public final class HttpClientFactory {
    private HttpClientFactory() {
    }

    public static OkHttpClient create() {
        Dispatcher dispatcher = new Dispatcher();
        // Calls run on the dispatcher so the caller can watch for cancel; OkHttp's default of 5 per host
        // would queue a local server's polls behind its own long generation.
        dispatcher.setMaxRequests(64);
        dispatcher.setMaxRequestsPerHost(16);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(Duration.ofSeconds(10))
                .writeTimeout(Duration.ofSeconds(60))
                .readTimeout(Duration.ZERO)
                .followSslRedirects(false) // never let https downgrade to http (keys travel in headers)
                .build();
    }

    /** A provider's client: same pool and threads, with the provider's whole-call timeout. */
    static OkHttpClient forProvider(OkHttpClient shared, Duration timeout) {
        return shared.newBuilder().callTimeout(timeout).build();
    }
}
