// Source roots chosen by what the tree's own imports resolve.

#include "link/source_roots.h"

#include <catch2/catch.hpp>

#include "scan/scan_pipeline.h"
#include "testing/scratch_tree.h"

namespace cutover {
namespace {

std::string module_of(const Inventory& inv, std::string_view path) {
  for (const Module& m : inv.modules) {
    if (m.path == path) return m.name;
  }
  return "(no module for " + std::string(path) + ")";
}

// "from -> to (kind)" of each import edge of `file`.
std::vector<std::string> imports_of(const Inventory& inv, std::string_view file) {
  std::vector<std::string> out;
  for (const ImportEdge& e : inv.imports) {
    if (e.file != file) continue;
    const char* kind = e.kind == ImportKind::kInternal     ? "internal"
                       : e.kind == ImportKind::kThirdParty ? "third_party"
                       : e.kind == ImportKind::kStdlib     ? "stdlib"
                                                           : "unresolved";
    out.push_back(e.to + " (" + kind + ")");
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool has_note(const Inventory& inv, std::string_view code, std::string_view text) {
  for (const Diagnostic& d : inv.diagnostics) {
    if (d.code == code && d.message.find(text) != std::string::npos) return true;
  }
  return false;
}

Inventory scan(const std::filesystem::path& root) {
  return run_scan(ScanOptions{.root = root, .root_label = "tree", .jobs = 1});
}

const char* const kShopModels = "class Order:\n    pass\n";

TEST_CASE("a scanned folder that is a package keeps its name when its imports use it",
          "[unit][source_roots]") {
  testing::ScratchTree tree;
  tree.write("shop/__init__.py", "");
  tree.write("shop/models.py", kShopModels);
  tree.write("shop/views.py", "from shop.models import Order\n");
  const Inventory inv = scan(tree.root() / "shop");
  CHECK(module_of(inv, "views.py") == "shop.views");
  CHECK(imports_of(inv, "views.py") == std::vector<std::string>{"shop.models (internal)"});
}

TEST_CASE("a scanned package checked out under another folder name takes the name its imports give",
          "[unit][source_roots]") {
  testing::ScratchTree tree;
  tree.write("shop-main/__init__.py", "");
  tree.write("shop-main/models.py", kShopModels);
  tree.write("shop-main/views.py", "from shop.models import Order\n");
  tree.write("shop-main/api/__init__.py", "");
  tree.write("shop-main/api/v1.py", "from ..models import Order\nimport shop.views\n");
  const Inventory inv = scan(tree.root() / "shop-main");
  CHECK(module_of(inv, "__init__.py") == "shop");
  CHECK(module_of(inv, "views.py") == "shop.views");
  CHECK(module_of(inv, "api/v1.py") == "shop.api.v1");
  CHECK(imports_of(inv, "views.py") == std::vector<std::string>{"shop.models (internal)"});
  CHECK(imports_of(inv, "api/v1.py") ==
        std::vector<std::string>{"shop.models (internal)", "shop.views (internal)"});
  CHECK(has_note(inv, "source-roots", "the scanned folder is the package shop"));
}

TEST_CASE("a scanned folder with a stray __init__.py is on sys.path when its imports say so",
          "[unit][source_roots]") {
  // The project folder has an __init__.py, but its (Python 3) code imports
  // its modules by their bare names: the folder itself is what runs.
  testing::ScratchTree tree;
  tree.write("project/__init__.py", "");
  tree.write("project/models.py", kShopModels);
  tree.write("project/views.py",
             "from models import Order\nimport helpers\ndef show() -> str:\n    return ''\n");
  tree.write("project/helpers.py", "");
  const Inventory inv = scan(tree.root() / "project");
  CHECK(module_of(inv, "views.py") == "views");
  CHECK(imports_of(inv, "views.py") ==
        std::vector<std::string>{"helpers (internal)", "models (internal)"});
  CHECK(has_note(inv, "source-roots", ". is taken as a folder on sys.path"));

  // Relative imports to the top need the package: one more of those than
  // bare imports keeps the package name.
  tree.write("project/api.py", "from . import models\nfrom .views import show\nfrom . import x\n");
  CHECK(module_of(scan(tree.root() / "project"), "views.py") == "project.views");
}

TEST_CASE("Python 2 imports that may mean siblings keep the package", "[unit][source_roots]") {
  // `import helpers` inside package project is project.helpers in Python 2:
  // as good evidence for the package as for the bare names.
  testing::ScratchTree tree;
  tree.write("project/__init__.py", "");
  tree.write("project/views.py", "import helpers\nprint 'loaded'\n");
  tree.write("project/helpers.py", "");
  CHECK(module_of(scan(tree.root() / "project"), "views.py") == "project.views");
}

TEST_CASE("a folder named like the framework, run from inside, is on sys.path",
          "[unit][source_roots]") {
  // flask/ holds the app and an empty __init__.py; the code imports the real
  // Flask and its own modules by bare names.
  testing::ScratchTree tree;
  tree.write("flask/__init__.py", "");
  tree.write("flask/views.py",
             "from flask import Blueprint\nbp = Blueprint('main', __name__)\n"
             "@bp.route('/hello')\ndef hello():\n    return 'hi'\n");
  tree.write("flask/app.py",
             "from flask import Flask\nfrom views import bp\n"
             "app = Flask(__name__)\napp.register_blueprint(bp, url_prefix='/v1')\n");
  const Inventory inv = scan(tree.root());
  CHECK(module_of(inv, "flask/app.py") == "app");
  CHECK(imports_of(inv, "flask/app.py") ==
        std::vector<std::string>{"flask (third_party)", "views (internal)"});
  REQUIRE(inv.routes.size() == 1);
  CHECK(inv.routes[0].path == "/v1/hello");
}

TEST_CASE("a folder named like a third-party package the code imports is not that package",
          "[unit][source_roots]") {
  // deploy/ is no package; deploy/redis/ configures the server. The app
  // imports redis-py: names the folder does not have.
  testing::ScratchTree tree;
  tree.write("deploy/redis/__init__.py", "PORT = 6379\n");
  tree.write("deploy/redis/sentinel.py", "");
  tree.write("app/__init__.py", "");
  tree.write("app/cache.py",
             "import redis\nfrom redis import StrictRedis\nfrom redis.exceptions import "
             "ConnectionError\nclient = redis.Redis()\n");
  tree.write("deploy-tools/celery/__init__.py", "");
  tree.write("app/tasks.py", "from celery import Celery, shared_task\n");
  const Inventory inv = scan(tree.root());
  CHECK(module_of(inv, "deploy/redis/sentinel.py") == "deploy.redis.sentinel");
  CHECK(imports_of(inv, "app/cache.py") ==
        std::vector<std::string>{"redis (third_party)", "redis.exceptions (third_party)"});
  // No importable folder above it: named by its path.
  CHECK(module_of(inv, "deploy-tools/celery/__init__.py") == "deploy-tools.celery");
  CHECK(imports_of(inv, "app/tasks.py") == std::vector<std::string>{"celery (third_party)"});
  CHECK(has_note(inv, "source-roots", "deploy is a namespace package"));
  CHECK(has_note(inv, "source-roots", "deploy-tools is not on the importers' sys.path"));
}

TEST_CASE(
    "a vendored package named like a third-party one is the tree's when it has what is imported",
    "[unit][source_roots]") {
  testing::ScratchTree tree;
  tree.write("lib/redis/__init__.py", "from .client import StrictRedis\n");
  tree.write("lib/redis/client.py", "class StrictRedis:\n    pass\n");
  tree.write("lib/redis/exceptions.py", "");
  tree.write("app.py", "from redis import StrictRedis\nimport redis.exceptions\n");
  const Inventory inv = scan(tree.root());
  CHECK(module_of(inv, "lib/redis/client.py") == "redis.client");
  CHECK(imports_of(inv, "app.py") ==
        std::vector<std::string>{"redis (internal)", "redis.exceptions (internal)"});
}

TEST_CASE("declared roots are kept whatever the imports say", "[unit][source_roots]") {
  testing::ScratchTree tree;
  tree.write("flask/__init__.py", "");
  tree.write("flask/app.py", "from flask import Flask\n");
  ScanOptions options{.root = tree.root(), .root_label = "tree", .jobs = 1};
  options.link.source_roots = {"."};
  const Inventory inv = run_scan(options);
  CHECK(module_of(inv, "flask/app.py") == "flask.app");
}

}  // namespace
}  // namespace cutover
