package news.prokash.ingest.article;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param baseUrl the public website; article URLs are {@code baseUrl/section/slug} */
@ConfigurationProperties("prokash.site")
@Validated
public record SiteProperties(@DefaultValue("https://prokash.example") @Pattern(regexp = "https?://\\S+") String baseUrl) {

    public SiteProperties {
        // a configured "https://x/" must not give "https://x//section/slug"
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }
}
