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
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()
