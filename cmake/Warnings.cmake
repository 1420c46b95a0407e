# pvr_warnings: the warning set for own code (never for third-party code).
add_library(pvr_warnings INTERFACE)
target_compile_options(pvr_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-align
  -Wformat=2 -Wimplicit-fallthrough -Wmisleading-indentation
  -Wextra-semi
  $<$<CXX_COMPILER_ID:GNU>:-Wduplicated-cond> $<$<CXX_COMPILER_ID:GNU>:-Wlogical-op> # GCC only (clang: preset fuzz)
  # GCC 12 at -O2/-O3 reports false positives inside libstdc++ once it is inlined: -Wrestrict in
  # std::string (GCC PR 105329) and -Wmaybe-uninitialized on std::optional<std::string> members
  # (GCC PR 105562 and friends); -Wnull-dereference is left out for the same reason. None of them
  # has found anything in our code; -Wuninitialized stays on.
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict -Wno-maybe-uninitialized>
  $<$<BOOL:${PVR_WARNINGS_AS_ERRORS}>:-Werror>)
