# cmake --install: runtime headers, CMake package, pkg-config file, docs, and
# (when built) the plugin and tools.
include(CMakePackageConfigHelpers)

install(TARGETS corio EXPORT corioTargets)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/lib/include/corio
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT corioTargets NAMESPACE corio::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/corio)

# The config tells corio_enable_async_checks() where the plugin is installed.
set(CORIO_TIDY_PLUGIN_DIR ${CMAKE_INSTALL_LIBDIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/corioConfig.cmake.in
  ${PROJECT_BINARY_DIR}/corioConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/corio
  PATH_VARS CORIO_TIDY_PLUGIN_DIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/corioConfigVersion.cmake
  COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES ${PROJECT_BINARY_DIR}/corioConfig.cmake
              ${PROJECT_BINARY_DIR}/corioConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/corio)

# The .pc file names the prefix relative to itself (${pcfiledir}), so it is
# right for any --prefix given at install time, not just the configured one.
file(RELATIVE_PATH CORIO_PC_TO_PREFIX "${CMAKE_INSTALL_FULL_DATADIR}/pkgconfig"
     "${CMAKE_INSTALL_PREFIX}")
string(REGEX REPLACE "/$" "" CORIO_PC_TO_PREFIX "${CORIO_PC_TO_PREFIX}")
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(CORIO_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(CORIO_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/corio.pc.in
               ${PROJECT_BINARY_DIR}/corio.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/corio.pc
        DESTINATION ${CMAKE_INSTALL_DATADIR}/pkgconfig)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})

if(CORIO_BUILD_CHECKS)
  install(TARGETS corio-tidy-plugin LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
  install(TARGETS corio-tidy corio-clangd RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(PROGRAMS ${PROJECT_SOURCE_DIR}/tools/corio-tidy-project/corio-tidy-project
          DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(FILES ${PROJECT_SOURCE_DIR}/cmake/corioAsyncChecks.cmake
          DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/corio)
endif()

if(CORIO_BUILD_CHECKS)
  # Installed corio-clangd looks for builtin headers at <prefix>/lib/clang/N.
  install(CODE "
    set(resource_dir \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/clang\")
    file(MAKE_DIRECTORY \"\${resource_dir}\")
    if(NOT EXISTS \"\${resource_dir}/${LLVM_VERSION_MAJOR}\")
      file(CREATE_LINK \"${LLVM_LIBRARY_DIR}/clang/${LLVM_VERSION_MAJOR}\"
           \"\${resource_dir}/${LLVM_VERSION_MAJOR}\" SYMBOLIC)
    endif()")
endif()
