package dev.duijie.web;

import dev.duijie.shared.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body is larger than 1 MiB (the largest valid one is a few KiB): a declared larger body is
 * refused before it is read, and a chunked body stops being read at the limit. Either way a 413 problem.
 */
@Component
class RequestBodyLimit extends OncePerRequestFilter {

    static final long LIMIT_BYTES = 1024 * 1024;

    private final ProblemDetails problems;

    RequestBodyLimit(ProblemDetails problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > LIMIT_BYTES) {
            problems.write(
                    response,
                    problems.of(
                            ProblemType.PAYLOAD_TOO_LARGE,
                            "problem.detail.payload-too-large",
                            new Object[0],
                            List.of(),
                            Languages.of(request)));
            return;
        }
        chain.doFilter(new Limited(request), response);
    }

    /** Thrown when a body without a declared length grows past the limit; the exception handler answers 413. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("request body larger than " + LIMIT_BYTES + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private @Nullable ServletInputStream limited;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream stream = limited;
            if (stream == null) {
                stream = new CountingStream(super.getInputStream());
                limited = stream;
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream body;
        private long read;

        CountingStream(ServletInputStream body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int bytes) throws BodyTooLarge {
            read += bytes;
            if (read > LIMIT_BYTES) {
                throw new BodyTooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
