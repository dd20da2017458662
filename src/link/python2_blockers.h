#pragma once
// Everything in a module that must be ported before it runs on Python 3,
// each with file:line: the syntax the parser flagged (print statement,
// `except E, e`, `raise E, msg`, `<>`, `exec`, old octal, `ur''`, `123L`),
// dict methods Python 3 dropped (`iteritems`, `has_key`, ...), builtins it
// dropped (`unicode`, `xrange`, `raw_input`, ... unless the module defines
// the name itself, as compatibility shims do), Python-2-only standard
// modules (`urllib2`, `cPickle`, `StringIO`) and `__metaclass__`.

#include <vector>

#include "link/module_index.h"
#include "model/file_summary.h"
#include "model/inventory.h"

namespace cutover {

std::vector<Python2Blocker> find_python2_blockers(const std::vector<FileSummary>& files,
                                                  const ModuleIndex& index,
                                                  const std::vector<ImportEdge>& imports);

}  // namespace cutover
