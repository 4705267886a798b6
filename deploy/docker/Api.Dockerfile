# The TOTAL API (src/Api). Build from the repository root:
#   docker build -f deploy/docker/Api.Dockerfile -t registry.example.com/total/api:TAG .
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
COPY src/Api/Api.csproj src/Api/
# Restored as Release, as it is published: a Release build has no development stand-ins (src/DevStandIns).
RUN dotnet restore src/Api/Api.csproj -p:Configuration=Release

COPY src/ src/
# The SQL migrations are embedded in Total.Hosting.dll (see src/Hosting/Hosting.csproj).
COPY deploy/postgres/migrations/ deploy/postgres/migrations/
RUN dotnet publish src/Api/Api.csproj -c Release -o /app --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# The image's non-root "app" user, UID 1654 (APP_UID); deploy/kubernetes sets runAsUser: 1654 to match.
USER $APP_UID
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "Total.Api.dll"]
