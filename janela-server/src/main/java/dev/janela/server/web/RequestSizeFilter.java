package dev.janela.server.web;

import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over 1 MiB with 413: at once when the request declares its length, else as soon as the
 * limit is crossed while reading. Meta's webhook batches and the largest sends stay far below it. A campaign's list
 * is the exception: 100,000 recipients with their parameters take a few MiB, so its upload may take
 * {@value #LIST_LIMIT_BYTES} bytes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestSizeFilter extends OncePerRequestFilter {
    public static final int LIMIT_BYTES = 1 << 20;
    /** The most a campaign's list may take, on the API and in the page's upload. */
    public static final int LIST_LIMIT_BYTES = 16 << 20;

    private final ErrorResponses errors;

    RequestSizeFilter(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int limit = isList(request) ? LIST_LIMIT_BYTES : LIMIT_BYTES;
        if (request.getContentLengthLong() > limit) {
            errors.write(request, response, tooLarge(limit));
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    public static Refusal tooLarge() {
        return tooLarge(LIMIT_BYTES);
    }

    static Refusal tooLarge(int limit) {
        return new Refusal(Reason.PAYLOAD_TOO_LARGE, "the request body is larger than " + limit
                + " bytes, more than Janela reads");
    }

    /** Whether the request uploads a campaign's list: the API's or the page's. */
    private static boolean isList(HttpServletRequest request) {
        String path = ApiPaths.path(request);
        return "POST".equals(request.getMethod()) && (path.equals("/api/campaigns") || path.equals("/campaigns"));
    }

    /** A request whose body stream stops at the limit. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final int limit;
        private ServletInputStream limited;

        Limited(HttpServletRequest request, int limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), limit);
            }
            return limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final int limit;
        private long read;

        LimitedInputStream(ServletInputStream in, int limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int bytes) throws IOException {
            read += bytes;
            if (read > limit) {
                throw new RequestTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
