# pvr_warnings: the warning set for own code (never for third-party code).
add_library(pvr_warnings INTERFACE)
target_compile_options(pvr_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-align
  -Wformat=2 -Wimplicit-fallthrough -Wmisleading-indentation
  -Wduplicated-cond -Wlogical-op -Wextra-semi
  # GCC 12 reports false -Wrestrict positives inside std::string at -O2/-O3 (GCC PR 105329), and
  # -Wnull-dereference fires on libstdc++ internals once inlined: neither finds anything in our code.
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>
  $<$<BOOL:${PVR_WARNINGS_AS_ERRORS}>:-Werror>)
