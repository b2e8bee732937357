package news.prokash.ranking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The popular list (জনপ্রিয়): takes reader views, counts them with Kafka Streams, ranks articles. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RankingApplication {

    public static void main(String[] args) {
        SpringApplication.run(RankingApplication.class, args);
    }
}
