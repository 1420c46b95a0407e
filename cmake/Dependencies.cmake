# Every dependency comes from a Debian 12 package (scripts/install-deps.sh installs them).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(CURL REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(ZLIB REQUIRED) # the emulator builds gzip bodies (fault injection)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(simdjson 3.0 REQUIRED) # streamed PBS snapshot listings (src/collect/pbs_snapshot_stream.cpp)
# toml++ 3.3 (EXCEPTIONS_FILE): Debian ships the compiled shared library; its target carries
# -DTOML_HEADER_ONLY=0 -DTOML_SHARED_LIB=1, so always link the target.
find_package(tomlplusplus 3.3 REQUIRED)
# cpp-httplib 0.11 ships no CMake package; its .pc carries the defines that fix the class layout.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
