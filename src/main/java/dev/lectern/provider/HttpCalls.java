package dev.lectern.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared HTTP machinery of every client, written once: retries with backoff and {@code Retry-After}, a
 * deadline across attempts, cancel of the in-flight call, size-capped bodies, error envelopes → one
 * {@link ProviderException}. Logs method, path, status and time only — never headers, so never a key.
 */
final class HttpCalls {
    static final long JSON_CAP = 64L << 20;
    static final long IMAGE_CAP = 64L << 20;
    static final long ERROR_CAP = 1L << 20;
    static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    static final ObjectMapper JSON = new ObjectMapper();

    private static final Logger LOG = LoggerFactory.getLogger(HttpCalls.class);
    private static final long WATCH_MS = 50;

    private final OkHttpClient client;
    private final ProviderContext ctx;
    private final CallTuning tuning;

    HttpCalls(OkHttpClient client, ProviderContext ctx, CallTuning tuning) {
        this.client = client;
        this.ctx = ctx;
        this.tuning = tuning;
    }

    ProviderContext context() {
        return ctx;
    }

    static RequestBody jsonBody(JsonNode node) {
        try {
            return RequestBody.create(JSON.writeValueAsBytes(node), JSON_TYPE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a request body", e);
        }
    }

    /** Sends with retries and returns the parsed JSON of the first 2xx answer. */
    JsonNode json(Request request, Deadline deadline, BooleanSupplier cancelled) throws ProviderException {
        return parse(send(request, JSON_CAP, deadline, cancelled));
    }

    JsonNode parse(RawResponse r) throws ProviderException {
        String type = r.contentType() == null ? "" : ", " + r.contentType();
        try {
            JsonNode node = r.body().length == 0 ? null : JSON.readTree(r.body());
            if (node == null || node.isMissingNode()) {
                throw ctx.badResponse(r.code(), "returned an empty answer (HTTP " + r.code() + type + ")");
            }
            return node;
        } catch (IOException e) {
            throw ctx.badResponse(r.code(), "returned something that is not JSON (HTTP " + r.code() + type + ")");
        }
    }

    /** Sends with retries until a 2xx answer, a failure that retrying cannot fix, the deadline, or a cancel. */
    RawResponse send(Request request, long cap, Deadline deadline, BooleanSupplier cancelled) throws ProviderException {
        for (int attempt = 0; ; attempt++) {
            if (cancelled.getAsBoolean()) {
                throw ProviderException.cancelled();
            }
            if (deadline.expired()) {
                throw ctx.timeout(deadline.limit(), null);
            }
            RawResponse raw = null;
            ProviderException failure;
            try {
                raw = exchange(request, cap, deadline, cancelled);
                if (raw.successful()) {
                    return raw;
                }
                failure = errorFor(raw);
            } catch (ProviderException e) {
                failure = e;
            }
            if (!failure.retryable() || attempt >= tuning.retry().maxRetries()) {
                throw failure;
            }
            Duration wait = raw == null ? null : retryAfter(raw);
            if (wait == null) {
                wait = tuning.retry().backoff(attempt, tuning.random());
            }
            if (wait.compareTo(deadline.remaining()) >= 0) {
                throw failure; // waiting would pass the deadline: the last error explains more than "timeout"
            }
            if (raw != null && raw.code() == 429) {
                tuning.rateLimits().slowDown(ctx.id(), wait); // the other runs' calls to this provider wait too
            }
            LOG.warn("{}: {} (attempt {} of {}), retrying in {} ms", ctx.id(), failure.kind(), attempt + 1,
                    tuning.retry().maxRetries() + 1, wait.toMillis());
            pause(wait, cancelled);
        }
    }

    /** Waits between polls or retries; a cancel ends the wait early and is reported by the caller's next check. */
    void pause(Duration wait, BooleanSupplier cancelled) throws ProviderException {
        try {
            tuning.sleeper().sleep(wait, cancelled);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.cancelled();
        }
    }

    Duration pollInterval() {
        return tuning.pollInterval();
    }

    /**
     * Fire-and-forget (interrupt a generation after a cancel or timeout): one attempt, answered on OkHttp's
     * thread, so the caller's cancel returns at once; failures are only logged.
     */
    void bestEffort(Request request) {
        Call call = client.newCall(request);
        call.timeout().timeout(5, TimeUnit.SECONDS);
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                LOG.debug("{}: best-effort {} {} failed: {}", ctx.id(), request.method(),
                        request.url().encodedPath(), e.toString());
            }

            @Override
            public void onResponse(Call c, Response response) {
                response.close();
                LOG.debug("{}: best-effort {} {} -> {}", ctx.id(), request.method(), request.url().encodedPath(),
                        response.code());
            }
        });
    }

    ProviderException errorFor(RawResponse raw) {
        VendorError vendor = VendorError.parse(raw.body());
        ErrorClassifier.Classified c = ErrorClassifier.classify(raw.code(), vendor);
        return ctx.forStatus(c, raw.code(), vendor.message());
    }

    private Duration retryAfter(RawResponse raw) {
        if (raw.code() != 429 && raw.code() != 503) {
            return null;
        }
        String ms = raw.headers().get("retry-after-ms");
        String value = raw.headers().get("Retry-After");
        try {
            if (ms != null) {
                return Duration.ofMillis((long) Double.parseDouble(ms.strip()));
            }
            if (value == null || value.isBlank()) {
                return null;
            }
            if (value.strip().matches("\\d+(\\.\\d+)?")) {
                return Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000));
            }
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(tuning.clock().instant(), at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (RuntimeException unparseable) {
            return null; // a header we cannot read is as good as none: fall back to backoff
        }
    }

    /** One attempt. The body is read on OkHttp's thread so that a cancel or the deadline can cut it short. */
    private RawResponse exchange(Request request, long cap, Deadline deadline, BooleanSupplier cancelled)
            throws ProviderException {
        long remainingMs = deadline.remaining().toMillis();
        if (remainingMs <= 0) {
            throw ctx.timeout(deadline.limit(), null);
        }
        Call call = client.newCall(request);
        call.timeout().timeout(remainingMs, TimeUnit.MILLISECONDS);
        CompletableFuture<RawResponse> result = new CompletableFuture<>();
        long started = System.nanoTime();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                result.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    boolean ok = response.isSuccessful();
                    ResponseBody body = response.body();
                    MediaType type = body.contentType();
                    byte[] bytes = readCapped(body, ok ? cap : ERROR_CAP, !ok);
                    result.complete(new RawResponse(response.code(), response.headers(), bytes,
                            type == null ? null : type.type() + "/" + type.subtype()));
                } catch (IOException | RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        });
        try {
            while (true) {
                try {
                    RawResponse r = result.get(WATCH_MS, TimeUnit.MILLISECONDS);
                    LOG.debug("{}: {} {} -> {} in {} ms", ctx.id(), request.method(), request.url().encodedPath(),
                            r.code(), (System.nanoTime() - started) / 1_000_000);
                    return r;
                } catch (TimeoutException stillRunning) {
                    if (cancelled.getAsBoolean()) {
                        call.cancel();
                        throw ProviderException.cancelled();
                    }
                    if (deadline.expired()) {
                        call.cancel();
                        throw ctx.timeout(deadline.limit(), null);
                    }
                }
            }
        } catch (InterruptedException e) {
            call.cancel();
            Thread.currentThread().interrupt();
            throw ProviderException.cancelled();
        } catch (ExecutionException e) {
            if (cancelled.getAsBoolean()) {
                throw ProviderException.cancelled();
            }
            throw mapFailure(e.getCause(), cap, deadline);
        }
    }

    private ProviderException mapFailure(Throwable t, long cap, Deadline deadline) {
        if (t instanceof BodyTooLargeException) {
            return ctx.badResponse(0, "sent an answer larger than " + (cap >> 20) + " MiB; it was not read");
        }
        if (t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).contains("connect")) {
            return ctx.unreachable("the connection timed out", t);
        }
        if (t instanceof InterruptedIOException) {
            return ctx.timeout(deadline.limit(), t);
        }
        if (t instanceof ConnectException) {
            return ctx.unreachable("connection refused", t);
        }
        if (t instanceof UnknownHostException) {
            return ctx.unreachable("unknown host", t);
        }
        if (t instanceof SSLException) {
            ProviderException e = ctx.unreachable("the secure connection failed (" + ctx.clean(t.getMessage()) + ")", t);
            return new ProviderException(e.kind(), 0, false, null, e.getMessage(), t);
        }
        if (t instanceof IOException) {
            return ctx.unreachable("the connection failed (" + ctx.clean(String.valueOf(t.getMessage())) + ")", t);
        }
        return ctx.badResponse(0, "could not be read (" + t + ")");
    }

    /** Reads at most {@code cap} bytes; more either fails (a success body) or is cut off (an error body). */
    static byte[] readCapped(ResponseBody body, long cap, boolean truncate) throws IOException {
        if (!truncate && body.contentLength() > cap) {
            throw new BodyTooLargeException();
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (buffer.size() <= cap) {
            if (source.read(buffer, 64 * 1024) == -1) {
                return buffer.readByteArray();
            }
        }
        if (!truncate) {
            throw new BodyTooLargeException();
        }
        return buffer.readByteArray(cap);
    }

    static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("response body over the size cap");
        }
    }
}
