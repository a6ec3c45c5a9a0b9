/**
 * Image-model clients over HTTP, one per wire format (OpenAI Images, AUTOMATIC1111, ComfyUI), and the shared
 * machinery under them ({@code HttpCalls}: retries, deadline, cancel, size caps, one error type). No JavaFX;
 * depends only on {@code dev.lectern.lecture}, OkHttp, Jackson and SLF4J.
 *
 * <p>Wiring: bind {@code OkHttpClient} to {@link dev.lectern.provider.HttpClientFactory#create()} as a singleton
 * and {@link dev.lectern.provider.SecretResolver} to {@link dev.lectern.provider.SecretSources}; then
 * {@link dev.lectern.provider.ProviderClients#create} turns a {@link dev.lectern.provider.ProviderConfig} from
 * {@link dev.lectern.provider.ProvidersConfigStore} into an {@link dev.lectern.provider.ImageModelClient}.
 * A {@link dev.lectern.provider.ModelRef} of "titlecard" is served by the offline title-card client instead.
 */
package dev.lectern.provider;
