# The TOTAL silo host (src/Silo); also runs the schema migrations (`dotnet Total.Silo.dll migrate`).
# Build from the repository root:
#   docker build -f deploy/docker/Silo.Dockerfile -t registry.example.com/total/silo:TAG .
# global.json is left out on purpose: it pins the exact SDK feature band of developer machines, while
# this image's SDK is fixed by the tag below.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files only, so a code change does not re-download packages.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Scim/Scim.csproj src/Scim/
COPY src/Grains.Abstractions/Grains.Abstractions.csproj src/Grains.Abstractions/
COPY src/Grains/Grains.csproj src/Grains/
COPY src/Hosting/Hosting.csproj src/Hosting/
COPY src/Silo/Silo.csproj src/Silo/
RUN dotnet restore src/Silo/Silo.csproj

COPY src/ src/
# The SQL migrations are embedded in Total.Hosting.dll (see src/Hosting/Hosting.csproj).
COPY deploy/postgres/migrations/ deploy/postgres/migrations/
RUN dotnet publish src/Silo/Silo.csproj -c Release -o /app --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# The image's non-root "app" user, UID 1654 (APP_UID); deploy/kubernetes sets runAsUser: 1654 to match.
USER $APP_UID
# Health endpoints for probes; Orleans silo-to-silo and gateway (client) ports.
ENV ASPNETCORE_URLS=http://+:8081
EXPOSE 8081 11111 30000
ENTRYPOINT ["dotnet", "Total.Silo.dll"]
