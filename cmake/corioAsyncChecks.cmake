# corio_enable_async_checks(TARGET <target>... [CHECKS <glob>] [EXTRA_ARGS <arg>...])
#
# Runs corio's async-* clang-tidy checks on the targets' sources while they
# compile: sets each target's CXX_CLANG_TIDY to clang-tidy 22 with corio's
# plugin loaded. CHECKS (default "-*,async-*") is passed as --checks and is
# appended to any .clang-tidy's Checks, like clang-tidy's own flag;
# EXTRA_ARGS go to clang-tidy as they are (e.g. --warnings-as-errors=async-*).
# The TARGET keyword may be left out: corio_enable_async_checks(app lib).
#
# Needs CORIO_TIDY_PLUGIN, the plugin's path, which find_package(corio) sets.
# clang-tidy is looked up as CORIO_CLANG_TIDY (a cache variable, so it can be
# pointed elsewhere); the plugin only loads into the clang-tidy 22 it was
# built against.
function(corio_enable_async_checks)
  cmake_parse_arguments(PARSE_ARGV 0 ARG "" "CHECKS" "TARGET;EXTRA_ARGS")
  set(targets ${ARG_TARGET} ${ARG_UNPARSED_ARGUMENTS})
  if(NOT targets)
    message(FATAL_ERROR "corio_enable_async_checks: name at least one target")
  endif()
  if(NOT ARG_CHECKS)
    set(ARG_CHECKS "-*,async-*")
  endif()
  if(NOT CORIO_TIDY_PLUGIN OR NOT EXISTS "${CORIO_TIDY_PLUGIN}")
    message(FATAL_ERROR "corio_enable_async_checks: corio's clang-tidy plugin was not found "
      "(CORIO_TIDY_PLUGIN='${CORIO_TIDY_PLUGIN}'); install corio built with CORIO_BUILD_CHECKS=ON")
  endif()
  find_program(CORIO_CLANG_TIDY NAMES clang-tidy-22 clang-tidy
    HINTS /usr/lib/llvm-22/bin DOC "clang-tidy 22, which loads corio's plugin")
  if(NOT CORIO_CLANG_TIDY)
    message(FATAL_ERROR "corio_enable_async_checks: clang-tidy 22 not found "
      "(Debian: apt-get install clang-tidy-22); set CORIO_CLANG_TIDY to its path")
  endif()
  foreach(target IN LISTS targets)
    set_property(TARGET ${target} PROPERTY CXX_CLANG_TIDY
      "${CORIO_CLANG_TIDY}" "-load=${CORIO_TIDY_PLUGIN}" "--checks=${ARG_CHECKS}" ${ARG_EXTRA_ARGS})
  endforeach()
endfunction()
