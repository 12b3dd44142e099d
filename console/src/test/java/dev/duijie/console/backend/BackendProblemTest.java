package dev.duijie.console.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;

class BackendProblemTest {

    private static HttpClientErrorException answer(HttpStatus status, String body) {
        return HttpClientErrorException.create(
                status,
                status.getReasonPhrase(),
                new HttpHeaders(),
                body.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
    }

    @Test
    void givenAValidationProblem_thenEachFieldsMessageIsFoundByItsName() {
        BackendProblem problem = BackendProblem.from(answer(HttpStatus.BAD_REQUEST, """
                {"type":"https://duijie.example.cn/problems/validation-failed","title":"请求内容不正确","status":400,
                 "detail":"有 2 处需要修改","errors":[{"field":"amountFen","message":"必须大于 0"},
                 {"field":"amountFen","message":"不能超过上限"},{"field":"termMonths","message":"必须填写"}]}
                """));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.kind()).isEqualTo("validation-failed");
        assertThat(problem.fieldError("amountFen")).isEqualTo("必须大于 0；不能超过上限");
        assertThat(problem.fieldError("termMonths")).isEqualTo("必须填写");
        assertThat(problem.fieldError("title")).isNull();
        assertThat(problem.otherFieldErrors(List.of("amountFen"))).containsExactly("termMonths: 必须填写");
    }

    @Test
    void givenAStaleVersion_thenTheProblemSaysSo() {
        BackendProblem problem = BackendProblem.from(answer(
                HttpStatus.PRECONDITION_FAILED,
                "{\"type\":\"https://duijie.example.cn/problems/stale-version\",\"title\":\"已被他人修改\",\"status\":412}"));

        assertThat(problem.stale()).isTrue();
        assertThat(problem.detail()).isNull();
    }

    @Test
    void givenABodyThatIsNotJson_thenTheProblemStillHasAStatusAndATitle() {
        BackendProblem problem = BackendProblem.from(answer(HttpStatus.BAD_GATEWAY, "<html>proxy error</html>"));

        assertThat(problem.status()).isEqualTo(502);
        assertThat(problem.title()).isEqualTo("Bad Gateway");
        assertThat(problem.fieldErrors()).isEmpty();
    }
}
