// Django's dotted-string references as import edges.

#include "frameworks/django/django_references.h"

#include <catch2/catch.hpp>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

struct References {
  std::vector<std::string> edges;  // "from -> to (via) line"
  std::vector<Diagnostic> diagnostics;
};

References references_of(const std::vector<testing::PythonFile>& tree) {
  const std::vector<FileSummary> files = testing::summarize_tree(tree);
  References r;
  const ModuleIndex index(files, r.diagnostics);
  for (const ImportEdge& e : django_string_references(files, index, r.diagnostics, /*jobs=*/2)) {
    CHECK(e.kind == ImportKind::kInternal);
    r.edges.push_back(e.from + " -> " + e.to + " (" + e.via + ") " + std::to_string(e.line));
  }
  std::sort(r.edges.begin(), r.edges.end());
  return r;
}

const std::vector<testing::PythonFile> kProject = {
    {"site/__init__.py", ""},
    {"site/settings.py", R"(ROOT_URLCONF = 'site.urls'
INSTALLED_APPS = (
    'django.contrib.admin',
    'billing',
    'contacts.apps.ContactsConfig',
)
INSTALLED_APPS += ('ghost',)
MIDDLEWARE_CLASSES = ['site.middleware.AuditMiddleware'] + ['django.middleware.common.X']
)"},
    {"site/middleware.py", ""},
    {"site/urls.py", R"(from django.conf.urls import include, url, patterns
urlpatterns = patterns('contacts.views',
    url(r'^$', 'index'),
    url(r'^billing/', include('billing.urls')),
)
urlpatterns += [url(r'^about/$', 'site.views.about')]
urlpatterns.append(url(r'^x/$', view='contacts.views.detail'))
)"},
    {"site/views.py", ""},
    {"billing/__init__.py", ""},
    {"billing/urls.py", ""},
    {"contacts/__init__.py", ""},
    {"contacts/apps.py", ""},
    {"contacts/views.py", ""},
    {"ghost_app.py", ""},
};

TEST_CASE("settings strings are edges from the settings module", "[unit][django_references]") {
  const References r = references_of(kProject);
  const auto has = [&](const std::string& edge) {
    return std::find(r.edges.begin(), r.edges.end(), edge) != r.edges.end();
  };
  CHECK(has("site.settings -> site.urls (ROOT_URLCONF) 1"));
  CHECK(has("site.settings -> billing (INSTALLED_APPS) 4"));
  // An AppConfig path names the module that defines it.
  CHECK(has("site.settings -> contacts.apps (INSTALLED_APPS) 5"));
  CHECK(has("site.settings -> site.middleware (MIDDLEWARE) 8"));
}

TEST_CASE("include() and string views are edges from the URLconf", "[unit][django_references]") {
  const References r = references_of(kProject);
  const auto has = [&](const std::string& edge) {
    return std::find(r.edges.begin(), r.edges.end(), edge) != r.edges.end();
  };
  CHECK(has("site.urls -> contacts.views (view) 3"));  // 'index' under patterns('contacts.views')
  CHECK(has("site.urls -> billing.urls (include) 4"));
  CHECK(has("site.urls -> site.views (view) 6"));
  CHECK(has("site.urls -> contacts.views (view) 7"));  // view= keyword
  CHECK(r.edges.size() == 8);  // django.* and 'ghost' name no module of the tree
  CHECK(r.diagnostics.empty());
}

TEST_CASE("a string under an internal top-level name that resolves nowhere is diagnosed",
          "[unit][django_references]") {
  const References r = references_of({{"site/__init__.py", ""},
                                      {"settings.py", "ROOT_URLCONF = 'site'\n"},
                                      {"urls.py",
                                       "from django.urls import include, path\n"
                                       "urlpatterns = [path('a/', include('nowhere.urls'))]\n"},
                                      {"nowhere_else.py", ""}});
  CHECK(r.edges == std::vector<std::string>{"settings -> site (ROOT_URLCONF) 1"});
  CHECK(r.diagnostics.empty());  // 'nowhere' is not a top-level name of the tree

  const References bad =
      references_of({{"site/__init__.py", ""},
                     {"settings.py", "ROOT_URLCONF = 'site'\n"},
                     {"urls.py", "urlpatterns = [path('a/', include('site.missing'))]\n"}});
  // An include names a module, not an attribute: no fallback to the package.
  CHECK(bad.edges.size() == 1);
  REQUIRE(bad.diagnostics.size() == 1);
  CHECK(bad.diagnostics[0].code == "unresolved-reference");
  CHECK(bad.diagnostics[0].file == "urls.py");
  CHECK(bad.diagnostics[0].line == 1);
}

}  // namespace
}  // namespace cutover
