package news.prokash.article.config;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a {@code sendError} turns into (a path with {@code ..} or a trailing slash that no handler takes):
 * a problem like every other error, instead of Boot's error JSON, which repeated the path. Written as bytes
 * with its content type set, so whatever the request's Accept says, the answer is this problem.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final JsonMapper json;

    ProblemErrorController(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<byte[]> error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? code : HttpStatus.INTERNAL_SERVER_ERROR.value();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(ProblemTypes.forStatus(status));
        problem.setDetail(status == 404 ? "Nothing is served at this path."
                : status >= 500 ? "The request could not be answered; the error has been logged."
                : "The request could not be answered as sent.");
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(json.writeValueAsBytes(problem));
    }
}
