// Namespace packages: folders without __init__.py that the code imports through.

#include "link/namespace_packages.h"

#include <catch2/catch.hpp>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

const FileSummary& at(const std::vector<FileSummary>& files, std::string_view path) {
  for (const FileSummary& f : files) {
    if (f.path == path) return f;
  }
  FAIL("no file " << path);
  return files.front();
}

// The tree's internal import edges, "from -> to", sorted.
std::vector<std::string> internal_edges(const Inventory& inv) {
  std::vector<std::string> internal;
  for (const ImportEdge& e : inv.imports) {
    if (e.kind == ImportKind::kInternal) internal.push_back(e.from + " -> " + e.to);
  }
  std::sort(internal.begin(), internal.end());
  return internal;
}

TEST_CASE("a root imported through its namespace folders is renamed",
          "[unit][namespace_packages]") {
  // company/ holds no __init__.py; the code imports company.billing.
  std::vector<FileSummary> files = testing::summarize_tree({
      {"company/billing/__init__.py", ""},
      {"company/billing/invoice.py", "from company.billing import tax\n"},
      {"company/billing/tax.py", ""},
      {"app.py", "import company.billing.invoice\n"},
  });
  REQUIRE(at(files, "company/billing/invoice.py").module == "billing.invoice");
  adopt_namespace_packages(files);
  CHECK(at(files, "company/billing/invoice.py").module == "company.billing.invoice");
  CHECK(at(files, "company/billing/__init__.py").module == "company.billing");
  CHECK(at(files, "company/billing/invoice.py").source_root == "");
  CHECK(at(files, "app.py").module == "app");

  const Inventory inv = link_summaries("tree", std::move(files), {});
  const std::vector<std::string> internal = internal_edges(inv);
  CHECK(internal == std::vector<std::string>{"app -> company.billing.invoice",
                                             "company.billing.invoice -> company.billing.tax"});
}

TEST_CASE("the longest imported namespace prefix wins, and only over bare names",
          "[unit][namespace_packages]") {
  std::vector<FileSummary> files = testing::summarize_tree({
      {"src/acme/shop/__init__.py", ""},
      {"src/acme/shop/views.py", ""},
      {"main.py", "from acme.shop import views\nimport acme.shop\n"},
  });
  adopt_namespace_packages(files);
  // "src" is not imported: the prefix stops at acme, and src stays the root.
  CHECK(at(files, "src/acme/shop/views.py").module == "acme.shop.views");
  CHECK(at(files, "src/acme/shop/views.py").source_root == "src");

  std::vector<FileSummary> bare = testing::summarize_tree({
      {"lib/shop/__init__.py", ""},
      {"lib/shop/views.py", ""},
      {"main.py", "import shop.views\nimport shop\n"},
      {"other.py", "import lib.shop\n"},
  });
  adopt_namespace_packages(bare);
  CHECK(at(bare, "lib/shop/views.py").module == "shop.views");  // 2 bare imports beat 1
}

TEST_CASE("declared roots keep their names", "[unit][namespace_packages]") {
  std::vector<FileSummary> files = testing::summarize_tree({
      {"lib/shop/__init__.py", ""},
      {"main.py", "import lib.shop\n"},
  });
  adopt_namespace_packages(files, {"lib"});
  CHECK(at(files, "lib/shop/__init__.py").module == "shop");
}

TEST_CASE("bare imports of built-in modules are no evidence against a namespace prefix",
          "[unit][namespace_packages]") {
  // tests/constants/ has no __init__.py; `import time` everywhere is the
  // built-in module, and tests/helpers.py spells tests.constants.time.
  std::vector<FileSummary> files = testing::summarize_tree({
      {"tests/__init__.py", ""},
      {"tests/helpers.py", "from tests.constants.time import FREEZE\nimport time\n"},
      {"tests/constants/time.py", "FREEZE = 1\n"},
      {"app.py", "import time\n"},
      {"worker.py", "import time\n"},
  });
  adopt_namespace_packages(files);
  CHECK(at(files, "tests/constants/time.py").module == "tests.constants.time");
}

TEST_CASE("a folder without __init__.py inside a package, imported relatively, joins it",
          "[unit][namespace_packages]") {
  // As in saleor: fixtures/webhooks/ has no __init__.py, fixtures/__init__.py
  // star-imports its modules relatively, and they import back up relatively.
  std::vector<FileSummary> files = testing::summarize_tree({
      {"shop/__init__.py", ""},
      {"shop/models.py", "class Order: pass\n"},
      {"shop/fixtures/__init__.py", "from .webhooks.payment_app import *\n"},
      {"shop/fixtures/webhooks/payment_app.py", "from ...models import Order\n"},
  });
  REQUIRE(at(files, "shop/fixtures/webhooks/payment_app.py").module == "payment_app");
  adopt_namespace_packages(files);
  CHECK(at(files, "shop/fixtures/webhooks/payment_app.py").module ==
        "shop.fixtures.webhooks.payment_app");
  CHECK(at(files, "shop/fixtures/webhooks/payment_app.py").source_root == "");

  const Inventory inv = link_summaries("tree", std::move(files), {});
  const std::vector<std::string> internal = internal_edges(inv);
  CHECK(internal == std::vector<std::string>{"shop.fixtures -> shop.fixtures.webhooks.payment_app",
                                             "shop.fixtures.webhooks.payment_app -> shop.models"});
  for (const Diagnostic& d : inv.diagnostics)
    CHECK(d.code != "unresolved-import");
}

}  // namespace
}  // namespace cutover
