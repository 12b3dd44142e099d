package dev.duijie.shared;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat answers some broken requests itself, before Spring sees them (for example a URL with raw,
 * un-encoded non-ASCII characters). Its default page is HTML; this valve writes the same status as a
 * problem+json body, so every error a client gets has one shape.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        String kind = status >= 500 ? "internal-error" : "malformed-request";
        String detail = status >= 500
                ? "Something went wrong on our side; the error was logged. Try again later."
                : "The request could not be parsed; check that the URL is percent-encoded and the headers are well formed.";
        String body = "{\"type\":\"https://duijie.example.cn/problems/" + kind + "\",\"title\":\""
                + (status >= 500 ? "Internal error" : "Malformed request") + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response was taken over: nothing left to tell it
        }
    }
}
