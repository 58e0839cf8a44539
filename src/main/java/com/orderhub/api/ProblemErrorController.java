package com.orderhub.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors raised outside the routes (no route for the path, method not allowed, a failure in
 * the servlet container) answer as problem documents too, instead of Spring's HTML page.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        ApiProblem problem = switch (status) {
            case 404 -> new ApiProblem(404, "No endpoint " + path + "; see /api/database/v1/openapi.json");
            case 405 -> new ApiProblem(405, "Method not allowed on " + path);
            default -> {
                Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
                if (failure instanceof Throwable t) {
                    yield Problems.of(t);
                }
                HttpStatus known = HttpStatus.resolve(status);
                yield new ApiProblem(status, known == null ? "Error " + status : known.getReasonPhrase());
            }
        };
        ApiResponses.writeProblem(request, response, problem, path);
    }
}
