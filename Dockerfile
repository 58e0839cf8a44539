# The hub, built from this checkout. Routes and mappings are read from the file system at
# start-up, so they sit beside the jar and can be mounted over.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17.0.13_11-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/target/orderhub-0.1.0-SNAPSHOT.jar orderhub.jar
COPY routes routes
COPY mappings mappings
RUN useradd --system --home /app orderhub && mkdir -p /app/data && chown orderhub /app/data
USER orderhub
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/orderhub.jar"]
