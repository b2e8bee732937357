package news.prokash.ranking.config;

import java.util.Arrays;
import java.util.stream.Collectors;

import news.prokash.web.ParameterProblemAdviceBase;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 answers for what Spring MVC itself refuses (bad parameter types, missing parameters,
 * unknown paths, wrong methods or media types), each with a stable {@code type}; anything unexpected
 * is a bare 500, logged, so no exception text, class name or stack trace reaches a caller.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ParameterProblemAdviceBase {

    ProblemDetailsAdvice() {
        super(ProblemTypes.TYPES, InvalidRequestException.DETAIL);
    }

    /** An enum parameter (a partial's list kind) names the values it takes; {@code limit} and {@code at} are whole numbers. */
    @Override
    protected String mismatchMessage(@Nullable Class<?> type) {
        return type != null && type.isEnum()
                ? "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "))
                : type == int.class || type == long.class ? "must be a whole number" : super.mismatchMessage(type);
    }
}
