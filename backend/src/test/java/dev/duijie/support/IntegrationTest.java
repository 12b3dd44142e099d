package dev.duijie.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the integration tests: the whole backend on a random port against the real PostgreSQL,
 * Elasticsearch and Keycloak that {@code ./duijie test} brings up; called over HTTP with real tokens.
 * The demo profile loads the organizations the demo realm's users belong to.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // expiry is checked with 1 s of skew here so the expired-token test needs only a short wait;
        // lenders' response times are read per match, so a test sees the history it has just written;
        // the suite fires many requests a second as one demo user, so the rate limits are far above that but still
        // on (every response carries the RateLimit headers); RateLimitIT checks the limits with small budgets
        properties = {
            "duijie.security.clock-skew=1s",
            "duijie.financing.expiry-interval=500ms",
            "duijie.matching.response-times-refresh=0s",
            "duijie.rate-limit.general.per-second=100000",
            "duijie.rate-limit.general.burst=1000000",
            "duijie.rate-limit.expensive.per-second=100000",
            "duijie.rate-limit.expensive.burst=1000000"
        })
@ActiveProfiles("demo")
public abstract class IntegrationTest {

    public static final UUID ENTERPRISE_ORG = UUID.fromString("00000000-0000-4000-8000-000000000101");
    public static final UUID NEWFIRM_ORG = UUID.fromString("00000000-0000-4000-8000-000000000102");
    public static final UUID BANK_A_ORG = UUID.fromString("00000000-0000-4000-8000-000000000201");
    public static final UUID BANK_B_ORG = UUID.fromString("00000000-0000-4000-8000-000000000202");
    public static final UUID GUARANTOR_ORG = UUID.fromString("00000000-0000-4000-8000-000000000301");

    @LocalServerPort
    int port;

    @Value("${duijie.security.issuer-uri}")
    protected String issuerUri;

    @Autowired
    protected JdbcClient jdbc;

    protected Api api;
    protected Tokens tokens;

    private static Tokens sharedTokens;

    @BeforeEach
    void connect() {
        api = new Api("http://127.0.0.1:" + port);
        synchronized (IntegrationTest.class) {
            if (sharedTokens == null) {
                sharedTokens = new Tokens(issuerUri);
            }
            tokens = sharedTokens;
        }
    }

    protected int port() {
        return port;
    }

    protected String token(String username) {
        return tokens.of(username);
    }

    /** An offer (loan or guarantee product, investment offer) made by its owner and activated. */
    protected String activeOffer(String collection, Map<String, Object> terms, String owner) {
        return activeOffer(api, token(owner), collection, terms);
    }

    /** The same for callers without a test instance (e.g. {@link Scene}), with the owner's token. */
    static String activeOffer(Api api, String ownerToken, String collection, Map<String, Object> terms) {
        Api.Response created = api.post(collection, terms).as(ownerToken).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Api.Response activated = api.post(collection + "/" + id + "/status", Map.of("status", "active"))
                .as(ownerToken)
                .send();
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        return id;
    }

    /** The demo enterprise's request {@code title} (see {@link Requests#financingDraft}), a draft. */
    protected String draftRequest(String title) {
        return draftRequest(Requests.financingDraft(title));
    }

    /** The demo enterprise's request, a draft. */
    protected String draftRequest(Map<String, Object> draft) {
        Api.Response created =
                api.post("/financing-requests", draft).as(token("enterprise")).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** The demo enterprise's request {@code title} (see {@link Requests#financingDraft}), published for bids. */
    protected String publishedRequest(String title, int bidDays) {
        return publishedRequest(Requests.financingDraft(title), bidDays);
    }

    /** The demo enterprise's request, published for bids for {@code bidDays}. */
    protected String publishedRequest(Map<String, Object> draft, int bidDays) {
        String id = draftRequest(draft);
        Api.Response published = api.post("/financing-requests/" + id + "/publish", Requests.publication(bidDays))
                .as(token("enterprise"))
                .send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return id;
    }

    /** A word no other test data contains, to find this test's documents in the shared search index. */
    protected static String uniqueWord() {
        return Requests.uniqueWord();
    }
}
