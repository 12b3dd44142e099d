package dev.duijie.security;

import dev.duijie.shared.ProblemType;
import dev.duijie.web.Languages;
import dev.duijie.web.ProblemDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/** Paths the security firewall refuses (encoded slashes, {@code ;}, {@code ..}) get a 400 problem. */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private final ProblemDetails problems;

    ProblemRequestRejectedHandler(ProblemDetails problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        problems.write(
                response,
                problems.of(
                        ProblemType.MALFORMED_REQUEST,
                        "problem.detail.rejected-path",
                        new Object[0],
                        List.of(),
                        Languages.of(request)));
    }
}
