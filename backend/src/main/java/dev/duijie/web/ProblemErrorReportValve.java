package dev.duijie.web;

import java.io.IOException;
import java.io.Writer;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
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
        // the same sentences as everywhere else; the caller's language when its headers could be read at all
        ResourceBundle messages = ResourceBundle.getBundle("messages", language(request), NO_SYSTEM_LOCALE);
        String body = "{\"type\":\"https://duijie.example.cn/problems/" + kind + "\",\"title\":\""
                + sentence(messages, "problem.title." + kind) + "\",\"status\":" + status + ",\"detail\":\""
                + sentence(
                        messages, status >= 500 ? "problem.detail.internal-error" : "problem.detail.unparsable-request")
                + "\"}";
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

    /**
     * The bundle for the language {@link Languages} decides, as for every other answer: Chinese unless English
     * is asked for. A request this broken may have no headers Tomcat could read; then it is the default.
     */
    private static Locale language(Request request) {
        return Languages.of(request).getLanguage().equals(Locale.ENGLISH.getLanguage()) ? Locale.ROOT : Locale.CHINESE;
    }

    /** A bundle sentence as MessageFormat reads it (an apostrophe is written ''), escaped for a JSON string. */
    private static String sentence(ResourceBundle messages, String key) {
        String text = new MessageFormat(messages.getString(key), Locale.ROOT).format(new Object[0]);
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static final ResourceBundle.Control NO_SYSTEM_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
