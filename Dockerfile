# One image recipe for every service: docker build --build-arg MODULE=article-service .
# Build the jars first (./prokash build); the image only layers what Maven produced.
FROM eclipse-temurin:25-jre AS layers
ARG MODULE
WORKDIR /layers
COPY ${MODULE}/target/${MODULE}.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:25-jre
# the service runs unprivileged; /app/data is its only writable place (Kafka Streams state, tmp)
RUN useradd --system --uid 10001 prokash && mkdir -p /app/data/tmp && chown -R prokash /app/data
WORKDIR /app
USER prokash
# least-changing layers first, so a code change rebuilds only the last one
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/app/data/tmp"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
