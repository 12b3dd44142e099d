package dev.duijie.console.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo mail server (GreenMail, which ./duijie starts): what Keycloak mailed to an address. */
final class DemoMail {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VERIFICATION_LINK =
            Pattern.compile("https?://\\S+/login-actions/action-token\\?key=[\\w.\\-]+");

    private DemoMail() {}

    static String url() {
        return System.getenv().getOrDefault("DUIJIE_MAIL_URL", "http://127.0.0.1:18083");
    }

    /** The link in the newest mail to {@code address} that holds one, waiting up to 30 s for it to arrive. */
    static String verificationLink(String address) throws IOException, InterruptedException {
        for (int tries = 0; tries < 60; tries++) {
            Optional<String> link = newestLink(address);
            if (link.isPresent()) {
                return link.get();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no mail with a verification link reached " + address + " at " + url());
    }

    private static Optional<String> newestLink(String address) throws IOException, InterruptedException {
        HttpResponse<String> answer = DemoApi.HTTP.send(
                HttpRequest.newBuilder(URI.create(url() + "/api/user/"
                                + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            return Optional.empty(); // nobody has written to that address yet
        }
        Optional<String> newest = Optional.empty();
        for (JsonNode message : JSON.readTree(answer.body())) {
            Matcher link = VERIFICATION_LINK.matcher(
                    quotedPrintable(message.get("mimeMessage").asString()));
            if (link.find()) {
                newest = Optional.of(link.group());
            }
        }
        return newest;
    }

    /** Undoes a mail body's quoted-printable encoding (soft line breaks, {@code =XX} bytes) into UTF-8 text. */
    static String quotedPrintable(String encoded) {
        String joined = encoded.replaceAll("=\r?\n", "");
        var bytes = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
