package dev.lectern.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import mockwebserver3.MockResponse;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class HttpCallsTest extends ClientTestBase {
    @Test
    void a_success_body_over_the_cap_fails_and_an_error_body_is_cut() throws Exception {
        byte[] big = new byte[10_000];
        assertThatThrownBy(() -> HttpCalls.readCapped(ResponseBody.create(big, MediaType.get("application/json")), 4096, false))
                .isInstanceOf(HttpCalls.BodyTooLargeException.class);
        // without a Content-Length the cap still holds while streaming
        Buffer chunked = new Buffer().write(big);
        ResponseBody unknownLength = ResponseBody.create(chunked, MediaType.get("application/json"), -1);
        assertThatThrownBy(() -> HttpCalls.readCapped(unknownLength, 4096, false))
                .isInstanceOf(HttpCalls.BodyTooLargeException.class);
        assertThat(HttpCalls.readCapped(ResponseBody.create(big, null), 4096, true)).hasSize(4096);
        assertThat(HttpCalls.readCapped(ResponseBody.create(new byte[100], null), 4096, false)).hasSize(100);
    }

    @Test
    void an_oversized_answer_from_a_server_is_a_bad_response_not_an_out_of_memory() {
        ProviderContext ctx = new ProviderContext(ProviderConfig.of("p", ProviderConfig.Type.OPENAI, baseUrl(), null, List.of()),
                null, "");
        HttpCalls calls = new HttpCalls(HTTP, ctx, new CallTuning(RetryPolicy.DEFAULT, sleeper, new Random(1),
                Clock.systemUTC(), Duration.ofMillis(1)));
        server.enqueue(new MockResponse.Builder().code(200).chunkedBody("x".repeat(200_000), 8192).build());

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> calls.send(
                new Request.Builder().url(server.url("/big")).build(), 100_000, Deadline.after(Duration.ofSeconds(5)), () -> false));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.BAD_RESPONSE);
        assertThat(e.retryable()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retry_after_as_an_http_date_is_honoured() throws Exception {
        Instant now = Instant.parse("2025-05-01T10:00:00Z");
        ProviderContext ctx = new ProviderContext(ProviderConfig.of("p", ProviderConfig.Type.OPENAI, baseUrl(), null, List.of()),
                null, "");
        HttpCalls calls = new HttpCalls(HTTP, ctx, new CallTuning(RetryPolicy.DEFAULT, sleeper, new Random(1),
                Clock.fixed(now, ZoneOffset.UTC), Duration.ofMillis(1)));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(12).atOffset(ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", date).body("busy").build());
        server.enqueue(WireFormat.json(200, "{\"ok\":true}"));

        assertThat(calls.json(new Request.Builder().url(server.url("/x")).build(), Deadline.after(Duration.ofSeconds(30)),
                () -> false).path("ok").asBoolean()).isTrue();
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void a_retry_after_beyond_the_deadline_gives_up_with_the_servers_reason() {
        ProviderContext ctx = new ProviderContext(ProviderConfig.of("p", ProviderConfig.Type.OPENAI, baseUrl(), null, List.of()),
                null, "");
        HttpCalls calls = new HttpCalls(HTTP, ctx, new CallTuning(RetryPolicy.DEFAULT, sleeper, new Random(1),
                Clock.systemUTC(), Duration.ofMillis(1)));
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").body("{\"error\":\"slow down\"}").build());

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> calls.json(
                new Request.Builder().url(server.url("/x")).build(), Deadline.after(Duration.ofSeconds(30)), () -> false));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(e.getMessage()).contains("slow down");
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void gives_up_after_max_retries() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(WireFormat.json(502, "{\"error\":\"bad gateway\"}"));
        }
        ProviderContext ctx = new ProviderContext(ProviderConfig.of("p", ProviderConfig.Type.OPENAI, baseUrl(), null, List.of()),
                null, "");
        HttpCalls calls = new HttpCalls(HTTP, ctx, new CallTuning(RetryPolicy.DEFAULT, sleeper, new Random(1),
                Clock.systemUTC(), Duration.ofMillis(1)));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> calls.json(
                new Request.Builder().url(server.url("/x")).build(), Deadline.after(Duration.ofSeconds(30)), () -> false));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.SERVER_ERROR);
        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(server.getRequestCount()).isEqualTo(5);
        assertThat(sleeper.waits).hasSize(4);
    }

    @Test
    void backoff_is_full_jitter_under_an_exponential_ceiling() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        Random random = new Random(3);
        for (int retry = 0; retry < 10; retry++) {
            long ceiling = Math.min(30_000, 500L << retry);
            for (int i = 0; i < 50; i++) {
                assertThat(p.backoff(retry, random).toMillis()).isBetween(0L, ceiling);
            }
        }
        assertThat(p.backoff(3, new Random() {
            @Override
            public double nextDouble() {
                return 0.999999;
            }
        })).isEqualTo(Duration.ofMillis(4000));
    }
}
