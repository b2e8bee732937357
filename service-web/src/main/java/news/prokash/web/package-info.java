/**
 * What every Prokash service's HTTP edge needs the same way: problem details for the errors Spring MVC's
 * handlers never see ({@link news.prokash.web.ProblemErrorReports}) and the base of the services' own
 * exception handlers ({@link news.prokash.web.ProblemAdviceBase}), typed under the service's own
 * {@link news.prokash.web.ProblemTypeBase}, and a strict query-string check a service may register.
 */
@NullMarked
package news.prokash.web;

import org.jspecify.annotations.NullMarked;
