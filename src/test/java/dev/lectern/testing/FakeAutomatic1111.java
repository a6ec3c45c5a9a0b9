package dev.lectern.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.lecture.ImageContent;
import java.awt.Color;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * AUTOMATIC1111's {@code POST /sdapi/v1/txt2img} as its docs show it: {@code images[]} base64 and {@code info}
 * as a JSON string. Answers after a random 0–400 ms (or the range given) with one real PNG of the requested size
 * whatever {@code batch_size} asked (a server that draws one at a time: the client asks again for the rest), the
 * same bytes for the same prompt and seed; counts every request by prompt (each regenerate has its own) so calls
 * can be put down to runs, records the seeds asked, and the most requests it had in hand at once.
 */
public final class FakeAutomatic1111 extends Dispatcher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final long seed;
    private final int minDelayMillis;
    private final int maxDelayMillis;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> seeds = new ConcurrentHashMap<>();
    private volatile CountDownLatch released = new CountDownLatch(1);
    private volatile int holdRequest = -1;
    private volatile boolean holdTheRest;
    private final Map<String, byte[]> images = new ConcurrentHashMap<>();

    public FakeAutomatic1111(long seed) {
        this(seed, 0, 400);
    }

    public FakeAutomatic1111(long seed, int minDelayMillis, int maxDelayMillis) {
        this.seed = seed;
        this.minDelayMillis = minDelayMillis;
        this.maxDelayMillis = maxDelayMillis;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (!"/sdapi/v1/txt2img".equals(request.getUrl().encodedPath())) {
            return json(404, "{\"detail\":\"Not Found\"}");
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody().utf8());
        } catch (IOException | RuntimeException e) {
            return json(422, "{\"detail\":\"unreadable body\"}");
        }
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            return answer(body);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private MockResponse answer(JsonNode body) throws InterruptedException {
        String prompt = body.path("prompt").asText();
        long requestSeed = body.path("seed").asLong();
        int width = body.path("width").asInt();
        int height = body.path("height").asInt();
        int n = requests.incrementAndGet();
        seeds.computeIfAbsent(prompt, k -> new CopyOnWriteArrayList<>()).add(requestSeed);
        calls.computeIfAbsent(prompt, k -> new AtomicInteger()).incrementAndGet();
        byte[] png = images.computeIfAbsent(prompt + "#" + requestSeed, k -> TestImages.png(width, height, new Color(k.hashCode() & 0xFFFFFF)));
        CountDownLatch gate = released;
        if ((n == holdRequest || holdTheRest && n >= holdRequest && holdRequest > 0) && !gate.await(60, TimeUnit.SECONDS)) {
            return json(503, "{\"detail\":\"held too long\"}");
        }
        Thread.sleep(minDelayMillis + new Random(seed * 31 + n).nextInt(maxDelayMillis - minDelayMillis + 1));
        String info = ("{\"prompt\": \"" + prompt.replace("\"", "\\\"") + "\", \"seed\": " + requestSeed + ", \"all_seeds\": ["
                + requestSeed + "], \"width\": " + width + ", \"height\": " + height + "}").replace("\\", "\\\\").replace("\"", "\\\"");
        return json(200, "{\"images\":[\"" + Base64.getEncoder().encodeToString(png) + "\"],\"parameters\":{\"seed\":"
                + requestSeed + "},\"info\":\"" + info + "\"}");
    }

    public int calls(String prompt) {
        AtomicInteger c = prompt == null ? null : calls.get(prompt);
        return c == null ? 0 : c.get();
    }

    /** The seeds asked for this prompt, in order of arrival. */
    public List<Long> seeds(String prompt) {
        return prompt == null ? List.of() : List.copyOf(seeds.getOrDefault(prompt, List.of()));
    }

    /** The bytes sent for this prompt's first seed (the one image of a one-image run). */
    public String sha256(String prompt) {
        List<Long> asked = seeds(prompt);
        return asked.isEmpty() ? null : sha256(prompt, asked.get(0));
    }

    public String sha256(String prompt, long seed) {
        byte[] png = images.get(prompt + "#" + seed);
        return png == null ? null : ImageContent.sha256(png);
    }

    /** Keeps the {@code n}-th request (counting all) unanswered until {@link #release()}. */
    public void hold(int n) {
        arm(n, false);
    }

    /** Keeps the {@code n}-th request and every later one unanswered until {@link #release()}. */
    public void holdFrom(int n) {
        arm(n, true);
    }

    /** Answers the held requests; a later hold holds again (a campaign holds once per round). */
    public void release() {
        holdRequest = -1;
        holdTheRest = false;
        released.countDown();
    }

    private void arm(int n, boolean andLater) {
        released = new CountDownLatch(1);
        holdTheRest = andLater;
        holdRequest = n;
    }

    public int total() {
        return requests.get();
    }

    /** The most requests answered at once. */
    public int peak() {
        return peak.get();
    }

    public int prompts() {
        return calls.size();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse(code, Headers.of("Content-Type", "application/json"), body);
    }
}
