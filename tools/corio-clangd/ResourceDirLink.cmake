# cmake -DLINK=<build>/lib/clang/N -DTARGET=<llvm>/lib/clang/N -P ResourceDirLink.cmake
# Makes LINK a symbolic link to TARGET unless it already is one.
if(NOT IS_DIRECTORY "${TARGET}/include")
  message(FATAL_ERROR "clang resource directory ${TARGET} has no include/ "
                      "(is libclang-common-22-dev installed?)")
endif()
if(IS_SYMLINK "${LINK}")
  file(READ_SYMLINK "${LINK}" current)
  if(current STREQUAL TARGET)
    return()
  endif()
  file(REMOVE "${LINK}")
elseif(EXISTS "${LINK}")
  file(REMOVE_RECURSE "${LINK}")
endif()
get_filename_component(parent "${LINK}" DIRECTORY)
file(MAKE_DIRECTORY "${parent}")
file(CREATE_LINK "${TARGET}" "${LINK}" SYMBOLIC)
