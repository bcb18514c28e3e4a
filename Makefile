# The two commands are `make run` and `make test`; everything they need is installed and started by infra/.
SHELL := /bin/bash
PORT ?= 5000
CONFIGURATION ?= Release
DOTNET_ENV := DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

.PHONY: run test bench db redis web build openapi clean

## make run: PostgreSQL, packages, web build, then the server with the demo contest on http://127.0.0.1:$(PORT)
run: build web
	@db="$${CONTESTS_DB:-$$(infra/postgres.sh)}"; \
	echo "Starting Contests on http://127.0.0.1:$(PORT) (database: $${db%%Password=*}…)"; \
	CONTESTS_DB="$$db" ASPNETCORE_ENVIRONMENT=Development Contests__SeedDemo=true \
	  Contests__WebRoot="$(CURDIR)/web/dist" $(DOTNET_ENV) \
	  bash -c 'cd src/Contests.Api && exec dotnet bin/$(CONFIGURATION)/net10.0/Contests.Api.dll --urls http://127.0.0.1:$(PORT)'

## make test: every suite (.NET domain, API, browser; web unit tests) against a real PostgreSQL
test:
	@tests/run-all.sh

## make bench [ONLY=live]: the benchmark console project; each figure is one line `bench NAME VALUE UNIT`
## (ONLY runs the scenarios whose names start with it; they are listed in tests/Contests.Benchmarks/README.md)
bench: build
	@CONTESTS_DB="$${CONTESTS_DB:-$$(infra/postgres.sh)}" $(DOTNET_ENV) \
	  dotnet run --no-build -c $(CONFIGURATION) --project tests/Contests.Benchmarks -- $(ONLY)

## make db: start PostgreSQL only and print its connection string
db:
	@infra/postgres.sh

## make redis: start Redis on loopback (installing it from Debian's packages if missing) and print its address
redis:
	@infra/redis.sh

build:
	@$(DOTNET_ENV) dotnet build Contests.sln -c $(CONFIGURATION) -v quiet -nologo -clp:ErrorsOnly

web:
	@infra/web.sh

## make openapi: refresh the committed OpenAPI snapshot (web/src/api/openapi.json) after an API change
openapi: build
	@CONTESTS_DB="$${CONTESTS_DB:-$$(infra/postgres.sh)}" UPDATE_OPENAPI_SNAPSHOT=1 $(DOTNET_ENV) \
	  dotnet test tests/Contests.Api.Tests -c $(CONFIGURATION) --no-build --filter "FullyQualifiedName~OpenApiSnapshot" -v quiet
	@infra/web.sh

clean:
	@dotnet clean Contests.sln -v quiet -nologo; rm -rf web/dist
