package io.practicalsystems.crawler.fetch;

import io.practicalsystems.crawler.dns.AddressPolicy;
import io.practicalsystems.crawler.dns.CachingResolver;
import io.practicalsystems.crawler.dns.RefusedAddressException;
import io.practicalsystems.crawler.politeness.HostDelayPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches one URL with one GET over a pooled Apache HttpClient (classic, HTTP/1.1), bounded in every dimension a
 * server controls: connect and read timeouts, an overall deadline that also ends a slow drip (a timer aborts the
 * exchange and the body loop checks the clock), a maximum decoded body size, and the accepted content types.
 * Every address is checked by the crawl's {@link AddressPolicy} when a connection is opened. Redirects are returned,
 * not followed, so the caller decides (scope, hop limit, seen set). Thread-safe; close it to free the pool.
 */
public final class PageFetcher implements AutoCloseable {

    private final FetchOptions options;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService timer;
    private final boolean ownsTimer;
    private final String accept;

    /** A fetcher with its own deadline timer thread. */
    public PageFetcher(FetchOptions options, CachingResolver resolver) {
        this(options, resolver, null);
    }

    /**
     * @param timer schedules the deadline aborts (e.g. a container's managed scheduler); null = a daemon thread
     *              owned by this fetcher
     */
    public PageFetcher(FetchOptions options, CachingResolver resolver, ScheduledExecutorService timer) {
        this.options = options;
        this.ownsTimer = timer == null;
        this.timer = timer != null ? timer : ownTimer();
        this.accept = options.acceptedContentTypes().isEmpty() ? "*/*"
                : String.join(", ", options.acceptedContentTypes().stream().sorted().toList()) + ", */*;q=0.1";
        Timeout connect = Timeout.ofMilliseconds(options.connectTimeout().toMillis());
        Timeout read = Timeout.ofMilliseconds(options.readTimeout().toMillis());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PolicyDnsResolver(resolver, AddressPolicy.of(options.allowPrivateAddresses())))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(read)
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                                .build())
                        .setMaxConnTotal(options.maxConnections())
                        .setMaxConnPerRoute(Math.min(options.maxConnections(), 4))
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(read)
                        .setConnectionRequestTimeout(Timeout.ofMilliseconds(options.deadline().toMillis()))
                        .setProtocolUpgradeEnabled(false)
                        .build())
                .setUserAgent(options.userAgent())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    public FetchOptions options() {
        return options;
    }

    /** GETs the URL (absolute http or https) and never throws for anything the server or the network does. */
    public FetchResult fetch(String url) {
        long start = System.nanoTime();
        long deadlineNanos = start + options.deadline().toNanos();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return new FetchResult.Failed(FailureKind.INVALID_URL, "not a valid URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return new FetchResult.Failed(FailureKind.INVALID_URL, "only absolute http and https URLs can be fetched: " + url);
        }
        HttpGet get = new HttpGet(uri);
        get.setHeader(HttpHeaders.ACCEPT, accept);
        get.setHeader(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate");
        AtomicBoolean deadlinePassed = new AtomicBoolean();
        ScheduledFuture<?> abort = timer.schedule(() -> {
            deadlinePassed.set(true);
            get.cancel();
        }, options.deadline().toNanos(), TimeUnit.NANOSECONDS);
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, get, HttpClientContext.create());
            FetchResult result = handle(uri, url, response, start, deadlineNanos);
            if (!(result instanceof FetchResult.Fetched fetched) || fetched.truncated()) {
                // Closing would read the rest of the body to reuse the connection: drop the connection instead.
                get.cancel();
            }
            closeQuietly(response);
            return result;
        } catch (BodyReader.DeadlineExceeded e) {
            get.cancel();
            closeQuietly(response);
            return tooSlow(e.getMessage());
        } catch (IOException | RuntimeException e) {
            get.cancel();
            closeQuietly(response);
            if (deadlinePassed.get() || System.nanoTime() - deadlineNanos > 0) {
                return tooSlow("the response did not end before the deadline");
            }
            return failure(e);
        } finally {
            abort.cancel(false);
        }
    }

    private FetchResult handle(URI uri, String url, ClassicHttpResponse response, long start, long deadlineNanos)
            throws IOException {
        int status = response.getCode();
        if (status >= 300 && status < 400) {
            Header location = response.getFirstHeader(HttpHeaders.LOCATION);
            if (location == null || location.getValue().isBlank()) {
                return new FetchResult.HttpError(status, java.util.Optional.empty());
            }
            try {
                return new FetchResult.Redirect(status, uri.resolve(new URI(location.getValue().trim())).toString());
            } catch (URISyntaxException | IllegalArgumentException e) {
                return new FetchResult.Failed(FailureKind.INVALID_URL,
                        "redirect to a Location that is not a URL: " + location.getValue());
            }
        }
        if (status < 200 || status >= 300) {
            Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
            return new FetchResult.HttpError(status,
                    HostDelayPolicy.retryAfterHeader(retryAfter == null ? null : retryAfter.getValue(), Instant.now()));
        }
        HttpEntity entity = response.getEntity();
        Header typeHeader = response.getFirstHeader(HttpHeaders.CONTENT_TYPE);
        ContentType type = typeHeader == null ? null : ContentType.parseLenient(typeHeader.getValue());
        String mediaType = type == null || type.getMimeType() == null ? "" : type.getMimeType().toLowerCase(Locale.ROOT);
        if (!options.accepts(mediaType)) {
            return new FetchResult.Skipped(status, mediaType);
        }
        String charset = type == null ? null : type.getParameter("charset");
        if (entity == null) {
            return new FetchResult.Fetched(status, url, mediaType, charset, new byte[0], false, elapsedMs(start));
        }
        Header encoding = response.getFirstHeader(HttpHeaders.CONTENT_ENCODING);
        BodyReader.Body body = BodyReader.read(entity.getContent(), encoding == null ? null : encoding.getValue(),
                options.maxBodyBytes(), deadlineNanos, entity.getContentLength());
        return new FetchResult.Fetched(status, url, mediaType, charset, body.bytes(), body.truncated(), elapsedMs(start));
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        if (response != null) {
            try {
                response.close();
            } catch (IOException alreadyAborted) {
                // the exchange was cancelled on purpose; its result is already decided
            }
        }
    }

    private static long elapsedMs(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private FetchResult tooSlow(String message) {
        return new FetchResult.Failed(FailureKind.TOO_SLOW, message + " (deadline " + options.deadline().toMillis() + " ms)");
    }

    static FetchResult failure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RefusedAddressException) {
                return new FetchResult.Failed(FailureKind.REFUSED_ADDRESS, t.getMessage());
            }
            if (t instanceof UnknownHostException) {
                return new FetchResult.Failed(FailureKind.DNS, t.getMessage());
            }
            if (t instanceof SSLException) {
                return new FetchResult.Failed(FailureKind.TLS, "TLS failed: " + t.getMessage());
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new FetchResult.Failed(FailureKind.CONNECT, t.getMessage());
            }
            if (t instanceof InterruptedIOException) {
                // SocketTimeoutException and ConnectTimeoutException are both InterruptedIOExceptions.
                return new FetchResult.Failed(FailureKind.TIMEOUT, "timed out: " + t.getMessage());
            }
            if (t instanceof BodyReader.UnsupportedEncoding) {
                return new FetchResult.Failed(FailureKind.IO, t.getMessage());
            }
        }
        return new FetchResult.Failed(FailureKind.IO, String.valueOf(e.getMessage()));
    }

    private static ScheduledExecutorService ownTimer() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "page-fetcher-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException ignored) {
            // the pool is being discarded
        } finally {
            if (ownsTimer) {
                timer.shutdownNow();
            }
        }
    }
}
