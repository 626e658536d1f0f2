# syntax=docker/dockerfile:1
# SellerPortal: one deployable Blazor Server app. Build: docker build -t sellerportal .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig SellerPortal.sln ./
COPY App/App.csproj App/
RUN dotnet restore App/App.csproj
COPY App/ App/
COPY Migrations/ Migrations/
RUN dotnet publish App/App.csproj -c Release -o /out --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Sqlite="Data Source=/data/sellerportal.db"
RUN mkdir -p /data && chown app:app /data
COPY --from=build /out .
USER app
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["dotnet", "SellerPortal.dll"]
