# The Webcare Realtime host: API, SignalR hub, in-process Orleans silo and the wall's files.
# Build: docker build -t webcare-realtime .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The wall's SignalR browser client comes from npm (pinned in dashboards/wall/package-lock.json).
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/Webcare.Realtime.Host -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# HTTP for the API, hub and wall; the silo and gateway ports for the Orleans cluster.
EXPOSE 8080 11111 30000
ENV urls=http://0.0.0.0:8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["dotnet", "Webcare.Realtime.Host.dll", "--healthcheck"]
ENTRYPOINT ["dotnet", "Webcare.Realtime.Host.dll"]
