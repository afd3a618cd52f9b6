# lit configuration for the check suites (test/checks, test/integration).
import os
import shlex

import lit.formats

# ctest passes the configured site file; a developer running lit by hand does
# the same: lit --param corio_site=build/test/lit.site.cfg.py test/checks
if not hasattr(config, "corio_binary_dir"):
    site = lit_config.params.get("corio_site")
    if not site:
        lit_config.fatal("pass --param corio_site=<build>/test/lit.site.cfg.py")
    lit_config.load_config(config, site)

config.name = "corio-checks"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp"]
config.excludes = ["Inputs", "runtime"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.corio_binary_dir, "test")

runner = [
    "python3", os.path.join(config.test_source_root, "check_async.py"),
    "--host-tidy", config.host_clang_tidy,
    "--plugin", config.plugin,
    "--corio-tidy", config.corio_tidy,
    "--filecheck", config.filecheck,
    "--clangxx", config.clangxx,
]
config.substitutions.append(("%check_async", shlex.join(runner)))
config.substitutions.append(
    ("%inputs", os.path.join(config.test_source_root, "checks", "Inputs")))
config.substitutions.append(("%corio_tidy", config.corio_tidy))
config.substitutions.append(
    ("%host_tidy_plugin", f"{config.host_clang_tidy} -load={config.plugin}"))
config.substitutions.append(("%clangxx", config.clangxx))
config.substitutions.append(("%FileCheck", config.filecheck))
config.substitutions.append(("%corio_include", config.corio_include))

# Real Qt 6 and QCoro headers (test/CMakeLists.txt finds them).
if config.qt_flags:
    config.available_features.add("qt6")
config.substitutions.append(("%qt_flags", config.qt_flags))
