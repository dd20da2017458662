#include "emit/sarif_rules.h"

#include <algorithm>
#include <array>

namespace cutover {
namespace {

// Sorted by id (a test checks): looked up by binary search.
constexpr std::array kRules = {
    SarifRule{"admin-urls", "note", "Django admin URLs that are not read",
              "A ModelAdmin or admin site builds its URLs in code cutover does not read "
              "(get_urls() of a class outside the tree, a custom site): those admin routes may be "
              "missing."},
    SarifRule{"assumed-app", "note", "A function's app parameter was taken to be the only app",
              "No call of the function was found, so the app it registers routes on is assumed to "
              "be the one app of the tree. Check the routes it adds."},
    SarifRule{"assumed-route", "note", "A route depends on a value taken for what cannot be known",
              "A part of the route (a prefix read from the environment or a database, a default "
              "branch) cannot be known statically; cutover took its most plausible value. The "
              "route's assumptions say which expression and which value. Confirm it, or set the "
              "value in the tree's defaults."},
    SarifRule{"assumed-urlconf", "note", "A URLconf was taken as a root",
              "No ROOT_URLCONF was found, so a urls module nothing includes was taken as a root "
              "URLconf. Pass --settings to name the settings module."},
    SarifRule{"betweenness-skipped", "note", "Betweenness centrality was not computed",
              "The module graph is larger than the limit for betweenness centrality; the other "
              "metrics are complete."},
    SarifRule{"binary-file", "warning", "A .py file holds binary data",
              "The file was skipped: it does not read as Python source."},
    SarifRule{"broken-symlink", "note", "A symbolic link points nowhere",
              "The link was skipped. Remove it or point it at a file inside the tree."},
    SarifRule{"conditional-helper", "note", "A route helper returns other values under conditions",
              "Routes built with the helper use its unconditional return value. Check the routes "
              "it builds under the other conditions."},
    SarifRule{"config-value", "note", "A configuration value was read from the tree",
              "A rule or prefix uses a config key whose value cutover read from the tree's config "
              "classes or settings; a deployment may set another."},
    SarifRule{"django-sites", "note", "The Django sites of the tree",
              "Each settings module that DJANGO_SETTINGS_MODULE names is a site walked from its "
              "own ROOT_URLCONF; routes say which site they belong to when there are several."},
    SarifRule{"duplicate-module", "warning", "Two source roots define the same module",
              "Each import resolves to the module in the importer's own project. Declare the "
              "source roots with --root if the guess is wrong."},
    SarifRule{"external-urlconf", "note", "A URLconf outside the tree is included",
              "The routes of a third-party package's URLconf are not listed: their code is not in "
              "the tree."},
    SarifRule{"file-too-large", "warning", "A file is larger than --max-file-size",
              "The file was skipped. Raise --max-file-size to scan it."},
    SarifRule{"import-cycle", "warning", "Modules import each other in a cycle",
              "An import cycle ties these modules together: none can move to the new service "
              "without the others. Break the cycle at the import shown, for example by moving the "
              "shared code into a module of its own."},
    SarifRule{"include-cycle", "warning", "A URLconf includes itself",
              "The include was not walked again. Fix the include chain."},
    SarifRule{"legacy-encoding", "note", "A file is in a legacy encoding",
              "The file declares a non-UTF-8 encoding and was decoded with it."},
    SarifRule{"method-decorator", "note", "A project decorator was read as a method restriction",
              "A decorator called with HTTP method names only is read as restricting the view to "
              "those methods, as require_http_methods does."},
    SarifRule{"new-legacy-endpoint", "warning", "The legacy surface grew",
              "A route or a method was added to the legacy application since the baseline "
              "inventory. New endpoints belong in the FastAPI service; if this one must be "
              "legacy, update the baseline."},
    SarifRule{"no-python-files", "warning", "No Python files were found",
              "The scanned folder holds no .py file; check the path and --exclude."},
    SarifRule{"non-utf8-name", "warning", "A file name is not UTF-8",
              "The file was skipped: its name cannot be written in the outputs."},
    SarifRule{"not-a-regular-file", "warning", "A .py entry is not a regular file",
              "Devices, sockets and pipes are skipped."},
    SarifRule{"not-utf8", "warning", "A file is not valid UTF-8",
              "The file was decoded with replacement characters; declare its encoding or convert "
              "it to UTF-8."},
    SarifRule{"parse-failed", "error", "A file could not be parsed",
              "The parser gave up on the file; nothing of it is in the inventory."},
    SarifRule{"parse-timeout", "error", "A file took longer than --parse-timeout",
              "The file was skipped. Raise --parse-timeout to scan it."},
    SarifRule{"partial-route", "warning", "A route could not be resolved statically",
              "Its rule, methods or app depend on values cutover cannot know; the route is "
              "listed with what was not resolved and is left out of the OpenAPI document. Make "
              "the value a literal or a constant, or list the route in the configuration."},
    SarifRule{"python2-blocker", "warning", "Python 2 only construct",
              "The construct does not run on Python 3: the module must be ported before its "
              "endpoints move to FastAPI."},
    SarifRule{"python2-syntax", "note", "A file is Python 2 source",
              "The file uses Python 2 syntax; it was read with the Python 2 rules."},
    SarifRule{"registration-helper", "note", "A helper function registers routes",
              "Calls of the helper are read as the registrations it makes."},
    SarifRule{"registration-wrapper", "note", "A wrapper method registers routes",
              "Calls of the wrapper are read as the registration call it wraps, with the same "
              "arguments."},
    SarifRule{"rule-without-view", "note", "A URL rule has no view function",
              "add_url_rule() without view_func: the endpoint has no view here."},
    SarifRule{"source-roots", "note", "How module names were found",
              "The folders on sys.path that module names start from, and the namespace packages "
              "read through; declare them with --root if the guess is wrong."},
    SarifRule{"symlink-loop", "warning", "Symbolic links form a loop",
              "The loop was not followed."},
    SarifRule{"symlink-outside-tree", "warning", "A symbolic link leaves the scanned tree",
              "Links are followed only while they stay inside the tree."},
    SarifRule{"syntax-error", "warning", "A file has syntax errors",
              "Facts outside the broken region are kept. Fix the syntax so nothing is missed."},
    SarifRule{"too-many-files", "error", "More Python files than --max-files",
              "Only the first files by path were scanned. Raise --max-files."},
    SarifRule{"unknown-converter", "warning", "A URL converter is not registered",
              "The rule uses a converter that no url_map.converters entry registers."},
    SarifRule{"unreadable", "error", "A file could not be read", "Check its permissions."},
    SarifRule{"unreadable-directory", "error", "A folder could not be read",
              "Its files were not scanned. Check its permissions."},
    SarifRule{"unresolved-import", "warning", "An internal import could not be resolved",
              "The module graph lacks this edge."},
    SarifRule{"unresolved-reference", "warning", "A dotted reference names no module of the tree",
              "A setting or include names a module that is not in the tree."},
    SarifRule{"unresolved-registration", "warning", "A registration could not be resolved",
              "Routes reached through it may lack a prefix."},
    SarifRule{"unresolved-urlconf", "warning", "A URLconf could not be resolved",
              "Routes below it are missing from the inventory."},
    SarifRule{"utf16-source", "note", "A file is UTF-16", "The file was decoded from UTF-16."},
};

}  // namespace

std::span<const SarifRule> sarif_rules() {
  return kRules;
}

SarifRule sarif_rule(std::string_view code) {
  const auto at = std::lower_bound(kRules.begin(), kRules.end(), code,
                                   [](const SarifRule& r, std::string_view c) { return r.id < c; });
  if (at != kRules.end() && at->id == code) return *at;
  return SarifRule{code, "warning", "A cutover diagnostic",
                   "See the result's message: cutover could not read or resolve something."};
}

std::string sarif_rule_name(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '_') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

}  // namespace cutover
