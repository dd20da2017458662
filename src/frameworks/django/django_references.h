#pragma once
// Django loads modules by dotted strings as much as by imports: the apps of
// INSTALLED_APPS, MIDDLEWARE classes, ROOT_URLCONF, include('app.urls') and
// Django 1.x string views ('billing.views.index', or 'index' under
// patterns('billing.views', ...)). Each is a dependency the import graph
// must hold, or a settings module looks like a leaf.

#include <vector>

#include "link/module_index.h"
#include "model/diagnostic.h"
#include "model/file_summary.h"
#include "model/inventory.h"

namespace cutover {

// One internal edge per string naming a module of the tree (the longest
// dotted prefix that is one). A string under a top-level name the tree
// defines that resolves to nothing gets an `unresolved-reference` diagnostic.
std::vector<ImportEdge> django_string_references(const std::vector<FileSummary>& files,
                                                 const ModuleIndex& index,
                                                 std::vector<Diagnostic>& diagnostics,
                                                 unsigned jobs);

}  // namespace cutover
