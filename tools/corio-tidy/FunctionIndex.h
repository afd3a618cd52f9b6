//===- FunctionIndex.h - where each function definition lies ---*- C++ -*-===//
//
// Baseline fingerprints name the function a finding is in, so that a finding
// keeps its identity when lines above it move. clang-tidy's exported
// diagnostics carry only file offsets; this index, filled from the ASTs that
// clang-tidy builds anyway, maps an offset back to the enclosing function.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_TIDY_FUNCTIONINDEX_H
#define CORIO_TIDY_FUNCTIONINDEX_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace corio::report {

/// Starts recording function definitions in every translation unit parsed
/// from now on. Until then the recorder is not even attached to the parse, so
/// plain clang-tidy runs pay nothing for it.
void enableFunctionIndex();

/// The qualified name (without parameters or template arguments of the
/// function itself) of the innermost named function whose definition
/// contains \p Offset in the file \p AbsolutePath; empty when none does.
/// Lambdas count as part of the function they are written in.
std::string enclosingFunction(llvm::StringRef AbsolutePath, unsigned Offset);

} // namespace corio::report

#endif // CORIO_TIDY_FUNCTIONINDEX_H
