# pvr_settings: language level and build-type settings shared by every own target.
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
add_library(pvr_settings INTERFACE)
target_compile_features(pvr_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_definitions(pvr_settings INTERFACE
  $<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>
  PVR_VERSION="${PROJECT_VERSION}")
if(PVR_SANITIZE)
  target_compile_options(pvr_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                         -fno-sanitize-recover=undefined)
  target_link_options(pvr_settings INTERFACE -fsanitize=address,undefined)
endif()
# Fuzzing (fuzz/): every own library is instrumented for libFuzzer's coverage and checked by
# ASan + UBSan; the fuzz targets add -fsanitize=fuzzer (libFuzzer's main) when linking.
if(PVR_BUILD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "PVR_BUILD_FUZZ needs clang++ (libFuzzer): use the preset 'fuzz'")
  endif()
  if(PVR_SANITIZE)
    message(FATAL_ERROR "PVR_BUILD_FUZZ already sanitizes: leave PVR_SANITIZE off")
  endif()
  target_compile_options(pvr_settings INTERFACE -fsanitize=fuzzer-no-link,address,undefined
                         -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_compile_definitions(pvr_settings INTERFACE _GLIBCXX_ASSERTIONS)
  target_link_options(pvr_settings INTERFACE -fsanitize=address,undefined)
endif()
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()
