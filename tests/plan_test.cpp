// The migration plan on each sample, checked against what the sample's
// authors intend (the "Intended migration order" / "Migration intent" of
// each sample's README), not against cutover's own output.

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "e2e_support.h"

namespace cutover {
namespace {

using testing::scan_repo_path;

const FamilyPlan& family(const Inventory& inv, std::string_view name) {
  for (const FamilyPlan& f : inv.plan.families) {
    if (f.name == name) return f;
  }
  FAIL("no family " << name);
  return inv.plan.families.front();
}

// Position in the ranked plan.
std::size_t rank(const Inventory& inv, std::string_view name) {
  for (std::size_t i = 0; i < inv.plan.families.size(); ++i) {
    if (inv.plan.families[i].name == name) return i;
  }
  FAIL("no family " << name);
  return 0;
}

std::set<std::string> adapter_ids(const Inventory& inv, std::string_view path,
                                  std::string_view method) {
  for (std::size_t i = 0; i < inv.routes.size(); ++i) {
    const Route& r = inv.routes[i];
    if (r.path != path || std::find(r.methods.begin(), r.methods.end(), method) == r.methods.end())
      continue;
    std::set<std::string> ids;
    for (const Adapter& a : inv.plan.matrix[i].adapters)
      ids.insert(a.id);
    return ids;
  }
  FAIL("no route " << method << " " << path);
  return {};
}

const TableUse& table(const Inventory& inv, std::string_view name) {
  for (const TableUse& t : inv.plan.tables) {
    if (t.table == name) return t;
  }
  FAIL("no table " << name);
  return inv.plan.tables.front();
}

TEST_CASE("legacy_shop: read-only edges first, orders and admin together, auth and users last",
          "[e2e][plan]") {
  const Inventory inv = scan_repo_path("samples/legacy_shop");
  // 1. catalog and reporting: every route GET, no table written, ranked
  //    before every family that writes.
  for (const char* edge : {"catalog", "reporting"}) {
    CHECK(family(inv, edge).tables_written.empty());
    CHECK(family(inv, edge).reasons.starts_with("reads only"));
    for (const char* writer : {"notifications", "orders", "admin", "auth", "users"})
      CHECK(rank(inv, edge) < rank(inv, writer));
  }
  // 2. notifications next: not after orders and admin.
  CHECK(family(inv, "notifications").wave <= family(inv, "orders").wave);
  CHECK(family(inv, "notifications").wave <= family(inv, "admin").wave);
  CHECK(std::find(family(inv, "notifications").tables_written.begin(),
                  family(inv, "notifications").tables_written.end(),
                  "webhook_events") != family(inv, "notifications").tables_written.end());
  // 3. orders and admin together: both write orders and products.
  CHECK(family(inv, "orders").wave == family(inv, "admin").wave);
  for (const char* t : {"orders", "products"}) {
    const std::vector<std::string>& writers = table(inv, t).written_by;
    CHECK(std::find(writers.begin(), writers.end(), "orders") != writers.end());
    CHECK(std::find(writers.begin(), writers.end(), "admin") != writers.end());
  }
  // 4. core last: auth and users, in the last wave, flagged as auth.
  const std::uint32_t last = static_cast<std::uint32_t>(inv.plan.waves.size());
  CHECK(family(inv, "auth").wave == last);
  CHECK(family(inv, "users").wave == last);
  CHECK(family(inv, "auth").auth_critical);
  CHECK(family(inv, "auth").reasons.find("flask_login.login_user") != std::string::npos);
  // audit_log is written by auth, users, orders and admin.
  CHECK(table(inv, "audit_log").written_by ==
        std::vector<std::string>{"admin", "auth", "orders", "users"});
}

TEST_CASE("legacy_shop: adapters follow what each handler touches", "[e2e][plan]") {
  const Inventory inv = scan_repo_path("samples/legacy_shop");
  // Login: a form, the cookie session, flask_login, a redirect.
  const std::set<std::string> login = adapter_ids(inv, "/auth/login", "POST");
  for (const char* id : {"form-data", "session", "login-session", "redirect", "templates"})
    CHECK(login.contains(id));
  // Every route runs the app's before_request and error handlers.
  for (const Route& r : inv.routes) {
    const std::set<std::string> ids = adapter_ids(inv, r.path, r.methods.front());
    CHECK(ids.contains("request-hooks"));
    CHECK(ids.contains("error-handlers"));
  }
  // The reporting blueprint's own before_request covers its routes only.
  const auto evidence_of = [&](std::string_view path) {
    std::set<std::string> out;
    for (std::size_t i = 0; i < inv.routes.size(); ++i) {
      if (inv.routes[i].path != path) continue;
      for (const Adapter& a : inv.plan.matrix[i].adapters)
        out.insert(a.evidence);
    }
    return out;
  };
  const auto mentions_reporting_hook = [](const std::set<std::string>& evidence) {
    return std::any_of(evidence.begin(), evidence.end(), [](const std::string& e) {
      return e.starts_with("before_request shop.reporting.");
    });
  };
  CHECK(mentions_reporting_hook(evidence_of("/reports/sales/daily")));
  CHECK_FALSE(mentions_reporting_hook(evidence_of("/catalog/")));
  // A Python 2.7 monolith: every endpoint is blocked until its module is
  // ported, and each blocker says where.
  for (const MatrixRow& row : inv.plan.matrix) {
    CHECK(row.status == "blocked");
    REQUIRE_FALSE(row.blockers.empty());
    CHECK(row.blockers.front().find(" at shop/") != std::string::npos);
  }
}

TEST_CASE("legacy_django: billing (small, Python 3 clean) before contacts (Python 2 syntax)",
          "[e2e][plan]") {
  const Inventory inv = scan_repo_path("samples/legacy_django");
  CHECK(rank(inv, "billing") < rank(inv, "contacts"));
  // contacts/views.py holds the Python 2 syntax: its routes are blocked,
  // billing's are not.
  for (const MatrixRow& row : inv.plan.matrix) {
    if (row.family == "contacts" && row.route_id.size()) {
      // every contacts view lives in contacts/views.py
      CHECK(row.status == "blocked");
    }
    if (row.family == "billing") CHECK(row.status != "blocked");
  }
  CHECK(table(inv, "contacts").read_by == std::vector<std::string>{"contacts"});
  // csrf_exempt on the Mailchimp hook; login_required on the edit views.
  CHECK(adapter_ids(inv, "^contacts/hooks/mailchimp/$", "POST").contains("csrf"));
  CHECK(adapter_ids(inv, "^contacts/(?P<pk>\\d+)/edit/$", "POST").contains("auth-decorator"));
  CHECK(adapter_ids(inv, "^contacts/(?P<pk>\\d+)/merge/$", "POST").contains("form-data"));
}

TEST_CASE("drf_api: catalog before accounts; accounts (passwords, tokens) last", "[e2e][plan]") {
  const Inventory inv = scan_repo_path("samples/drf_api");
  CHECK(rank(inv, "catalog") < rank(inv, "accounts"));
  CHECK(family(inv, "accounts").wave == inv.plan.waves.size());
  CHECK(family(inv, "accounts").auth_critical);
  CHECK_FALSE(family(inv, "catalog").auth_critical);
  // Viewsets need Pydantic models for their serializers and a sync ORM.
  std::size_t serializers = 0, orm = 0;
  for (const MatrixRow& row : inv.plan.matrix) {
    for (const Adapter& a : row.adapters) {
      serializers += a.id == "drf-serializer";
      orm += a.id == "django-orm";
    }
  }
  CHECK(serializers > 0);
  CHECK(orm > 0);
  CHECK(family(inv, "catalog").tables_read.size() >= 2);
}

TEST_CASE("a cutover.toml regroups families, deprecates endpoints and reweighs the score",
          "[e2e][plan]") {
  testing::ScratchTree tree;
  tree.write("app.py", R"(from flask import Flask, request
app = Flask(__name__)
@app.route('/catalog/items')
def items():
    return ''
@app.route('/orders', methods=['POST'])
def order():
    return request.form['sku']
@app.route('/old/export')
def old_export():
    return ''
)");
  const auto scan = [&] {
    return run_scan(ScanOptions{.root = tree.root(), .root_label = "tree", .jobs = 1});
  };
  const Inventory plain = scan();
  CHECK(rank(plain, "catalog") < rank(plain, "orders"));  // reads before writes
  CHECK(rank(plain, "old") < rank(plain, "orders"));
  tree.write("cutover.toml", R"(deprecated = ["GET /old/export"]
[families]
shop = ["/catalog", "/orders"]
[weights]
read_only = -5
)");
  const Inventory configured = scan();
  REQUIRE(configured.plan.families.size() == 2);
  CHECK(rank(configured, "shop") < rank(configured, "old"));  // reading now counts against
  CHECK(family(configured, "shop").factors[0].weight == -5);
  for (std::size_t i = 0; i < configured.routes.size(); ++i) {
    const Route& r = configured.routes[i];
    CHECK(r.family == (r.path == "/old/export" ? "old" : "shop"));
    CHECK((configured.plan.matrix[i].status == "deprecated") == (r.path == "/old/export"));
  }
  tree.write("cutover.toml", "[weights]\nread_only = 'x'\n");
  CHECK_THROWS_WITH(scan(), Catch::Contains("cutover.toml:2:"));
}

TEST_CASE("flask_factory_app: reports first, site then admin, the CRUD families last",
          "[e2e][plan]") {
  const Inventory inv = scan_repo_path("samples/flask_factory_app");
  CHECK(rank(inv, "reports") < rank(inv, "site"));
  CHECK(rank(inv, "site") < rank(inv, "admin"));
  CHECK(rank(inv, "admin") < rank(inv, "api"));
  CHECK(rank(inv, "admin") < rank(inv, "catalog"));
  // The CRUD families rank last; catalog (every endpoint writes, the most
  // lines to port) is the last wave, api (in-memory items, 26 lines) may
  // share admin's.
  for (const char* crud : {"api", "catalog"}) {
    for (const char* other : {"reports", "site", "admin", "healthz", "version", "(root)"})
      CHECK(rank(inv, crud) > rank(inv, other));
  }
  const std::uint32_t last = static_cast<std::uint32_t>(inv.plan.waves.size());
  CHECK(family(inv, "api").wave >= family(inv, "admin").wave);
  CHECK(family(inv, "catalog").wave == last);
  for (std::size_t i = 0; i < inv.routes.size(); ++i) {
    CHECK(inv.plan.matrix[i].status == "adapted");
    CHECK(adapter_ids(inv, inv.routes[i].path, inv.routes[i].methods.front())
              .contains("request-hooks"));
  }
}

TEST_CASE("flask_restful_api: admin before api; JSON bodies need models, inherited too",
          "[e2e][plan]") {
  const Inventory inv = scan_repo_path("samples/flask_restful_api");
  CHECK(rank(inv, "admin") < rank(inv, "api"));
  for (std::size_t i = 0; i < inv.routes.size(); ++i) {
    const Route& r = inv.routes[i];
    const bool writes = std::find(r.methods.begin(), r.methods.end(), "POST") != r.methods.end() ||
                        std::find(r.methods.begin(), r.methods.end(), "PUT") != r.methods.end();
    CHECK(inv.plan.matrix[i].status == (writes ? "adapted" : "unchanged"));
    if (r.path == "/api/books" && writes) {
      REQUIRE(inv.plan.matrix[i].adapters.size() == 1);
      CHECK(inv.plan.matrix[i].adapters[0].id == "json-body");
      CHECK(inv.plan.matrix[i].adapters[0].file == "resources/base.py");  // inherited post()
    }
  }
}

TEST_CASE("flask_restx_api: one family, one wave, every endpoint unchanged", "[e2e][plan]") {
  const Inventory inv = scan_repo_path("samples/flask_restx_api");
  CHECK(inv.plan.families.size() == 1);
  CHECK(inv.plan.waves.size() == 1);
  for (const MatrixRow& row : inv.plan.matrix)
    CHECK(row.status == "unchanged");
}

}  // namespace
}  // namespace cutover
