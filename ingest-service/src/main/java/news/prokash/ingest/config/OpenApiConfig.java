package news.prokash.ingest.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The description springdoc serves at {@code /v3/api-docs}: title and the editors' bearer tokens. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI ingestApi() {
        return new OpenAPI()
                .info(new Info().title("Prokash ingest API").version("v1")
                        .description("How articles enter the platform. Errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("RS256 JWT with roles [\"editor\"] or [\"editor\", \"admin\"]")));
    }
}
