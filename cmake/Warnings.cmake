# pvr_warnings: the warning set for own code (never for third-party code).
add_library(pvr_warnings INTERFACE)
target_compile_options(pvr_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-align
  -Wnull-dereference -Wformat=2 -Wimplicit-fallthrough -Wmisleading-indentation
  -Wduplicated-cond -Wlogical-op -Wextra-semi
  $<$<BOOL:${PVR_WARNINGS_AS_ERRORS}>:-Werror>)
