# Locates Debian's LLVM/Clang 22. Debian's LLVMConfigVersion.cmake accepts only
# an exact major.minor, so we ask for no version and check the major ourselves.
set(CORIO_LLVM_ROOT "/usr/lib/llvm-22" CACHE PATH "Prefix of the LLVM/Clang 22 installation")
if(NOT LLVM_DIR)
  set(LLVM_DIR "${CORIO_LLVM_ROOT}/lib/cmake/llvm")
endif()
if(NOT Clang_DIR)
  set(Clang_DIR "${CORIO_LLVM_ROOT}/lib/cmake/clang")
endif()

find_package(LLVM CONFIG)
if(NOT LLVM_FOUND)
  message(FATAL_ERROR
    "LLVM 22 not found (looked in LLVM_DIR=${LLVM_DIR}). Install llvm-22-dev "
    "and libclang-22-dev (tools/setup.sh does this), or pass -DLLVM_DIR=... -DClang_DIR=...")
endif()
if(NOT LLVM_VERSION_MAJOR EQUAL 22)
  message(FATAL_ERROR
    "corio's checks need LLVM/Clang 22, but LLVM_DIR points at ${LLVM_PACKAGE_VERSION} "
    "(${LLVM_DIR}). Point LLVM_DIR and Clang_DIR at an LLVM 22 installation.")
endif()
# Debian's clangd libraries link the remote index (gRPC + protobuf); their
# imported targets must exist before ClangTargets.cmake names them.
find_package(Protobuf REQUIRED)
# Debian's gRPCTargets.cmake stops configuring with "The imported target
# gRPC::grpc_cpp_plugin references the file /usr/bin/grpc_cpp_plugin but this
# file does not exist" unless protobuf-compiler-grpc is installed (we never run
# the plugin; the file only has to exist). Say which package, before that.
if(EXISTS "/usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/cmake/grpc/gRPCTargets.cmake"
   AND NOT EXISTS "/usr/bin/grpc_cpp_plugin" AND NOT gRPC_DIR)
  message(FATAL_ERROR
    "Debian's gRPC CMake package needs /usr/bin/grpc_cpp_plugin: install "
    "protobuf-compiler-grpc (tools/setup.sh does this).")
endif()
find_package(gRPC CONFIG REQUIRED)
find_package(Clang CONFIG REQUIRED)
message(STATUS "corio: using LLVM ${LLVM_PACKAGE_VERSION} from ${LLVM_DIR}")

set(CORIO_LLVM_BINDIR "${LLVM_TOOLS_BINARY_DIR}")
find_program(CORIO_HOST_CLANG_TIDY NAMES clang-tidy-22 clang-tidy
  HINTS "${CORIO_LLVM_BINDIR}" NO_DEFAULT_PATH)
find_program(CORIO_CLANGXX NAMES clang++-22 clang++ HINTS "${CORIO_LLVM_BINDIR}" NO_DEFAULT_PATH)
find_program(CORIO_LIT NAMES lit llvm-lit HINTS "${CORIO_LLVM_BINDIR}" NO_DEFAULT_PATH)
find_program(CORIO_FILECHECK NAMES FileCheck HINTS "${CORIO_LLVM_BINDIR}" NO_DEFAULT_PATH)

# Everything that includes Clang headers is compiled like LLVM itself was.
add_library(corio_llvm_flags INTERFACE)
target_include_directories(corio_llvm_flags SYSTEM INTERFACE
  ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
separate_arguments(CORIO_LLVM_DEFINITIONS NATIVE_COMMAND "${LLVM_DEFINITIONS}")
target_compile_options(corio_llvm_flags INTERFACE ${CORIO_LLVM_DEFINITIONS})
if(NOT LLVM_ENABLE_RTTI)
  target_compile_options(corio_llvm_flags INTERFACE -fno-rtti)
endif()
