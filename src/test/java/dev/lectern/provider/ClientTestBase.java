package dev.lectern.provider;

import dev.lectern.testing.FakeKeychain;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A MockWebServer on loopback, a recording sleeper, and clients wired as ProviderClients wires them. */
abstract class ClientTestBase {
    static final OkHttpClient HTTP = HttpClientFactory.create();
    static final SecretResolver SECRETS = new SecretSources(Map.of(WireFormat.KEY_ENV, WireFormat.SECRET), FakeKeychain.none());

    MockWebServer server;
    RecordingSleeper sleeper;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.start();
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    String baseUrl() {
        return server.url("/").toString();
    }

    ImageModelClient client(ProviderConfig config) {
        CallTuning tuning = new CallTuning(RetryPolicy.DEFAULT, sleeper, new Random(7), Clock.systemUTC(), Duration.ofMillis(1));
        return new ProviderClients(HTTP, SECRETS, tuning).create(config.withTimeout(Duration.ofSeconds(10)));
    }
}
