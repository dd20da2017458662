// Following names across imports, aliases, star imports and parameters.

#include "link/name_resolver.h"

#include <catch2/catch.hpp>
#include <string>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

using TK = NameTarget::Kind;

class Resolver {
 public:
  explicit Resolver(const std::vector<testing::PythonFile>& tree)
      : files_(testing::summarize_tree(tree)),
        index_(files_, diagnostics_),
        names_(files_, index_) {}

  std::size_t file(std::string_view path) const {
    for (std::size_t i = 0; i < files_.size(); ++i) {
      if (files_[i].path == path) return i;
    }
    FAIL("no file " << path);
    return 0;
  }
  NameTarget resolve(std::string_view path, std::string_view scope, std::string_view dotted) const {
    return names_.resolve(file(path), scope, dotted);
  }
  const NameResolver& names() const { return names_; }

 private:
  std::vector<Diagnostic> diagnostics_;
  std::vector<FileSummary> files_;
  ModuleIndex index_;
  NameResolver names_;
};

const std::vector<testing::PythonFile> kTree = {
    {"shop/__init__.py", ""},
    {"shop/blueprints.py", R"(from flask import Blueprint
import flask
import flask as fl
bp = Blueprint('main', __name__)
api_bp = bp
alias2 = api_bp
other = flask.Blueprint('other', __name__)
def register(app, prefix='/'):
    app.register_blueprint(bp)
)"},
    {"shop/views.py", R"(from shop.blueprints import bp
from shop.blueprints import bp as main_bp
from .blueprints import *
from shop import blueprints
import shop.blueprints
import shop.blueprints as sb
)"},
    {"shop/shadow.py", R"(from shop.blueprints import bp
def factory():
    bp = Blueprint('local', __name__)
    return bp
name = 1
from shop.blueprints import other as name
)"},
};

// The assignment a target names, as "target@line".
std::string assignment_of(const NameTarget& t) {
  if (t.kind != TK::kAssignment || !t.assignment) return "(not an assignment)";
  return t.assignment->target + "@" + std::to_string(t.assignment->line);
}

TEST_CASE("`from x import y` and `from x import y as z` reach the assignment",
          "[unit][name_resolver]") {
  const Resolver r(kTree);
  const NameTarget bp = r.resolve("shop/views.py", "", "bp");
  CHECK(assignment_of(bp) == "bp@4");
  CHECK(bp.file == r.file("shop/blueprints.py"));
  CHECK(assignment_of(r.resolve("shop/views.py", "", "main_bp")) == "bp@4");
}

TEST_CASE("alias chains are followed to the original assignment", "[unit][name_resolver]") {
  const Resolver r(kTree);
  CHECK(assignment_of(r.resolve("shop/blueprints.py", "", "api_bp")) == "bp@4");
  CHECK(assignment_of(r.resolve("shop/blueprints.py", "", "alias2")) == "bp@4");
}

TEST_CASE("a star import exposes the module's names", "[unit][name_resolver]") {
  const Resolver r(kTree);
  CHECK(assignment_of(r.resolve("shop/views.py", "", "alias2")) == "bp@4");
  CHECK(assignment_of(r.resolve("shop/views.py", "", "other")) == "other@7");
}

TEST_CASE("module names and attributes of modules", "[unit][name_resolver]") {
  const Resolver r(kTree);
  const NameTarget sb = r.resolve("shop/views.py", "", "sb");
  CHECK(sb.kind == TK::kModule);
  CHECK(sb.name == "shop.blueprints");
  CHECK(sb.file == r.file("shop/blueprints.py"));
  CHECK(assignment_of(r.resolve("shop/views.py", "", "blueprints.bp")) == "bp@4");
  CHECK(assignment_of(r.resolve("shop/views.py", "", "shop.blueprints.bp")) == "bp@4");
  CHECK(r.resolve("shop/views.py", "", "shop").kind == TK::kModule);
}

TEST_CASE("external names via `import flask` and `from flask import Blueprint`",
          "[unit][name_resolver]") {
  const Resolver r(kTree);
  const NameTarget direct = r.resolve("shop/blueprints.py", "", "Blueprint");
  CHECK(direct.kind == TK::kExternal);
  CHECK(direct.name == "flask.Blueprint");
  const NameTarget dotted = r.resolve("shop/blueprints.py", "", "flask.Blueprint");
  CHECK(dotted.kind == TK::kExternal);
  CHECK(dotted.name == "flask.Blueprint");
  const NameTarget aliased = r.resolve("shop/blueprints.py", "", "fl.Flask");
  CHECK(aliased.kind == TK::kExternal);
  CHECK(aliased.name == "flask.Flask");
}

TEST_CASE("a function parameter resolves to kParameter", "[unit][name_resolver]") {
  const Resolver r(kTree);
  const NameTarget app = r.resolve("shop/blueprints.py", "register", "app");
  CHECK(app.kind == TK::kParameter);
  CHECK(app.name == "app");
  REQUIRE(app.definition != nullptr);
  CHECK(app.definition->qualified_name == "register");
  // A name the function does not bind comes from the enclosing module.
  CHECK(assignment_of(r.resolve("shop/blueprints.py", "register", "bp")) == "bp@4");
  // Outside the function the parameter is not visible.
  CHECK(r.resolve("shop/blueprints.py", "", "app").kind == TK::kUnknown);
}

TEST_CASE("definitions and unknown names", "[unit][name_resolver]") {
  const Resolver r(kTree);
  const NameTarget reg = r.resolve("shop/blueprints.py", "", "register");
  CHECK(reg.kind == TK::kDefinition);
  REQUIRE(reg.definition != nullptr);
  CHECK(reg.definition->name == "register");
  CHECK(r.resolve("shop/blueprints.py", "", "nothing").kind == TK::kUnknown);
  CHECK(r.resolve("shop/blueprints.py", "", "").kind == TK::kUnknown);
}

TEST_CASE("local bindings shadow module ones; later bindings win", "[unit][name_resolver]") {
  const Resolver r(kTree);
  CHECK(assignment_of(r.resolve("shop/shadow.py", "factory", "bp")) == "bp@3");
  CHECK(assignment_of(r.resolve("shop/shadow.py", "", "bp")) == "bp@4");
  CHECK(r.resolve("shop/shadow.py", "", "bp").file == r.file("shop/blueprints.py"));
  CHECK(assignment_of(r.resolve("shop/shadow.py", "", "name")) == "other@7");
}

TEST_CASE("resolve_before: a name as bound before a line", "[unit][name_resolver]") {
  const Resolver r(
      {{"app/__init__.py", ""}, {"app/views.py", R"(from django.views.generic import ListView
class ListView(ListView):
    pass
ListView = 2
)"}});
  const std::size_t views = r.file("app/views.py");
  // The class statement's base: what ListView was before line 2.
  const NameTarget base = r.names().resolve_before(views, "", "ListView", 2);
  CHECK(base.kind == TK::kExternal);
  CHECK(base.name == "django.views.generic.ListView");
  // After the class, before the assignment: the class.
  const NameTarget cls = r.names().resolve_before(views, "", "ListView", 4);
  REQUIRE(cls.kind == TK::kDefinition);
  CHECK(cls.definition->line == 2);
  // Unbounded: the last binding.
  CHECK(assignment_of(r.resolve("app/views.py", "", "ListView")) == "ListView@4");
  // Nothing bound before line 1.
  CHECK(r.names().resolve_before(views, "", "ListView", 1).kind == TK::kUnknown);
}

TEST_CASE("Python 2 sibling imports resolve names", "[unit][name_resolver]") {
  const Resolver r({{"shop/__init__.py", ""},
                    {"shop/models.py", "db = make_db()\n"},
                    {"shop/legacy.py", "import models\nfrom models import db\nprint 'x'\n"}});
  const NameTarget models = r.resolve("shop/legacy.py", "", "models");
  CHECK(models.kind == TK::kModule);
  CHECK(models.name == "shop.models");
  CHECK(assignment_of(r.resolve("shop/legacy.py", "", "db")) == "db@1");
  CHECK(assignment_of(r.resolve("shop/legacy.py", "", "models.db")) == "db@1");
}

TEST_CASE("an import cycle of aliases terminates", "[unit][name_resolver]") {
  const Resolver r({{"a.py", "from b import x\n"}, {"b.py", "from a import x\n"}});
  CHECK(r.resolve("a.py", "", "x").kind == TK::kUnknown);
}

}  // namespace
}  // namespace cutover
