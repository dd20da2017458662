// The single walk that turns a syntax tree into imports, definitions,
// assignments, statement calls, conditions and name uses (through summarize_text).

#include "parse/fact_collector.h"

#include <catch2/catch.hpp>
#include <string>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

using testing::summarize_python;

const DefinitionFact& definition(const FileSummary& s, std::string_view qualified_name) {
  for (const DefinitionFact& d : s.definitions) {
    if (d.qualified_name == qualified_name) return d;
  }
  FAIL("no definition " << qualified_name);
  throw;
}

TEST_CASE("stacked decorators are kept outermost first with first_line", "[unit][fact_collector]") {
  const FileSummary s = summarize_python(R"(
@outer
@bp.route('/x', methods=['GET'])
@login_required(role="admin")
def view():
    pass
)");
  const DefinitionFact& d = definition(s, "view");
  CHECK(d.kind == DefinitionFact::Kind::kFunction);
  CHECK(d.line == 5);
  CHECK(d.first_line == 2);
  REQUIRE(d.decorators.size() == 3);
  CHECK(d.decorators[0].kind == PythonValue::Kind::kName);
  CHECK(d.decorators[0].text == "outer");
  CHECK(d.decorators[1].kind == PythonValue::Kind::kCall);
  CHECK(d.decorators[1].text == "bp.route");
  CHECK(d.decorators[1].line == 3);
  CHECK(d.decorators[2].text == "login_required");
  CHECK(d.decorators[2].line == 4);
}

TEST_CASE("an undecorated definition has first_line equal to line", "[unit][fact_collector]") {
  const FileSummary s = summarize_python("\n\ndef plain():\n    pass\n");
  const DefinitionFact& d = definition(s, "plain");
  CHECK(d.line == 3);
  CHECK(d.first_line == 3);
  CHECK(d.decorators.empty());
}

TEST_CASE("a docstring's first non-blank line is kept; other first statements are not",
          "[unit][fact_collector]") {
  const FileSummary s = summarize_python(R"(
def documented():
    # a comment before it is no statement
    """

    Show one product.   
    More text.
    """
    return 1

class View:
    u'Class doc'
    def get(self):
        x = "not a docstring"

def fstring():
    f"{x} is no docstring"

def later():
    pass
    """too late"""
)");
  CHECK(definition(s, "documented").doc == "Show one product.");
  CHECK(definition(s, "View").doc == "Class doc");
  CHECK(definition(s, "View.get").doc.empty());
  CHECK(definition(s, "fstring").doc.empty());
  CHECK(definition(s, "later").doc.empty());
}

TEST_CASE("classes keep bases and method names; nested defs get qualified names",
          "[unit][fact_collector]") {
  const FileSummary s = summarize_python(R"(class UserView(views.MethodView, Mixin):
    limit = 10
    def get(self, user_id):
        def helper():
            pass
        return helper
    @staticmethod
    def post():
        pass
    class Meta:
        def inner(self):
            pass
)");
  const DefinitionFact& cls = definition(s, "UserView");
  CHECK(cls.kind == DefinitionFact::Kind::kClass);
  CHECK(cls.scope.empty());
  REQUIRE(cls.bases.size() == 2);
  CHECK(cls.bases[0].kind == PythonValue::Kind::kName);
  CHECK(cls.bases[0].text == "views.MethodView");
  CHECK(cls.bases[1].text == "Mixin");
  CHECK(cls.methods == std::vector<std::string>{"get", "post"});

  CHECK(definition(s, "UserView.get").scope == "UserView");
  CHECK(definition(s, "UserView.get.helper").scope == "UserView.get");
  CHECK(definition(s, "UserView.post").first_line == 7);
  CHECK(definition(s, "UserView.Meta").kind == DefinitionFact::Kind::kClass);
  CHECK(definition(s, "UserView.Meta").methods == std::vector<std::string>{"inner"});
  CHECK(definition(s, "UserView.Meta.inner").scope == "UserView.Meta");
}

TEST_CASE("a metaclass keyword is not a base class", "[unit][fact_collector]") {
  const FileSummary s = summarize_python("class Model(Base, metaclass=Meta):\n    pass\n");
  const DefinitionFact& cls = definition(s, "Model");
  REQUIRE(cls.bases.size() == 1);
  CHECK(cls.bases[0].text == "Base");
}

TEST_CASE("function parameter names: defaults, typed, splats", "[unit][fact_collector]") {
  const FileSummary s =
      summarize_python("def f(a, b=1, *args, c: int, d: str = 'x', **kw):\n    pass\n");
  CHECK(definition(s, "f").parameters ==
        std::vector<std::string>{"a", "b", "*args", "c", "d", "**kw"});
  CHECK(definition(s, "f").parameter_types ==
        std::vector<std::string>{"", "", "", "int", "str", ""});
  const std::vector<PythonValue>& defaults = definition(s, "f").parameter_defaults;
  REQUIRE(defaults.size() == 6);
  CHECK(defaults[0].kind == PythonValue::Kind::kOther);
  CHECK(defaults[0].text.empty());
  CHECK(defaults[1].kind == PythonValue::Kind::kNumber);
  CHECK(defaults[1].text == "1");
  CHECK(defaults[3].text.empty());
  CHECK(defaults[4].kind == PythonValue::Kind::kString);
  CHECK(defaults[4].text == "x");
}

TEST_CASE("assignments at module, class and function level are kept; tuple targets and -= not",
          "[unit][fact_collector]") {
  const FileSummary s = summarize_python(R"(PREFIX = '/api'
app.config = {}
a, b = 1, 2
class Settings:
    DEBUG = True
def create_app():
    app = Flask(__name__)
    local = 3
    return app
counter = 0
counter += 1
counter -= 1
)");
  REQUIRE(s.assignments.size() == 7);
  CHECK(s.assignments[0].target == "PREFIX");
  CHECK(s.assignments[0].scope.empty());
  CHECK(s.assignments[0].value.text == "/api");
  CHECK(s.assignments[0].line == 1);
  CHECK(s.assignments[1].target == "app.config");
  CHECK(s.assignments[2].target == "DEBUG");
  CHECK(s.assignments[2].scope == "Settings");
  CHECK(s.assignments[3].target == "app");
  CHECK(s.assignments[3].scope == "create_app");
  CHECK(s.assignments[3].value.kind == PythonValue::Kind::kCall);
  CHECK(s.assignments[3].line == 7);
  // Locals are kept: registration helpers build rules in them.
  CHECK(s.assignments[4].target == "local");
  CHECK(s.assignments[4].scope == "create_app");
  CHECK(s.assignments[4].value.text == "3");
  CHECK(s.assignments[5].target == "counter");
  CHECK_FALSE(s.assignments[5].augmented);
  CHECK(s.assignments[6].target == "counter");
  CHECK(s.assignments[6].augmented);  // `+=` kept, `-=` not
  CHECK(s.assignments[6].line == 11);
}

TEST_CASE("statement calls are kept with their scope and line", "[unit][fact_collector]") {
  const FileSummary s = summarize_python(R"(setup(name='x')
def create_app():
    app.register_blueprint(bp, url_prefix='/api')
    x = f()
    return g()
)");
  REQUIRE(s.calls.size() == 2);  // `x = f()` and `return g()` are not statement calls
  CHECK(s.calls[0].scope.empty());
  CHECK(s.calls[0].call.text == "setup");
  CHECK(s.calls[0].line == 1);
  CHECK(s.calls[1].scope == "create_app");
  CHECK(s.calls[1].call.text == "app.register_blueprint");
  CHECK(s.calls[1].line == 3);
  REQUIRE(s.calls[1].call.keyword("url_prefix") != nullptr);
  CHECK(s.calls[1].call.keyword("url_prefix")->text == "/api");
}

TEST_CASE("3,000-deep nested parentheses do not crash the walk", "[unit][fact_collector]") {
  const std::string text =
      "import os\nx = " + std::string(3000, '(') + "1" + std::string(3000, ')') + "\nimport json\n";
  const FileSummary s = summarize_python(text);
  REQUIRE(s.imports.size() == 2);
  CHECK(s.imports[1].module == "json");
  CHECK(s.imports[1].line == 3);
  REQUIRE(s.assignments.size() == 1);
  CHECK(s.assignments[0].target == "x");
}

TEST_CASE("1,000-deep nested if blocks do not crash the walk", "[unit][fact_collector]") {
  std::string text = "import os\n";
  for (int i = 0; i < 1000; ++i)
    text += std::string(i, ' ') + "if x:\n";
  text += std::string(1000, ' ') + "import deep\nimport last\n";
  const FileSummary s = summarize_python(text);
  CHECK(s.lines == 1003);
  REQUIRE(s.imports.size() == 3);
  CHECK(s.imports[0].module == "os");
  CHECK(s.imports[1].module == "deep");
  CHECK(s.imports[1].line == 1002);
  CHECK(s.imports[2].module == "last");
  CHECK(s.imports[2].line == 1003);
}

TEST_CASE("name uses: outermost chains per scope, once each, at their first line",
          "[unit][fact_collector]") {
  const FileSummary s = summarize_python(R"(from flask import request, session
LIMIT = settings.LIMIT
def view(order_id):
    q = request.args.get('q')
    session['seen'] = True
    rows = Order.query.filter_by(id=order_id).all()
    again = request.args.get('again')
    db.session.add(Order(name=q))
    return make(rows)[0].name
class OrderView(MethodView):
    def post(self):
        return self.form.data
)");
  std::vector<std::string> uses;
  for (const NameUse& u : s.name_uses)
    uses.push_back(u.scope + ":" + u.name + "@" + std::to_string(u.line));
  const auto has = [&](const std::string& use) {
    return std::find(uses.begin(), uses.end(), use) != uses.end();
  };
  CHECK(has(":settings.LIMIT@2"));
  CHECK(has("view:request.args.get@4"));
  CHECK_FALSE(has("view:request.args.get@7"));  // once per scope
  CHECK_FALSE(has("view:request.args@4"));      // inner links are not uses of their own
  CHECK_FALSE(has("view:request@4"));
  CHECK(has("view:session@5"));
  CHECK(has("view:Order.query.filter_by@6"));  // the chain stops at the call
  CHECK(has("view:db.session.add@8"));
  CHECK(has("view:Order@8"));
  CHECK(has("view:make@9"));
  CHECK(has("OrderView.post:self.form.data@12"));
  CHECK_FALSE(has("view:name@8"));  // a keyword's name binds, it does not use
  CHECK_FALSE(has(":view@3"));      // nor does a definition's
}

}  // namespace
}  // namespace cutover

namespace cutover {
namespace {

// "not (a)" for a negated branch, the test's text otherwise, innermost last.
std::string condition_chain(const FileSummary& s, std::int32_t branch) {
  std::string out;
  for (; branch >= 0; branch = s.conditions[branch_test(branch)].parent) {
    const ConditionFact& c = s.conditions[branch_test(branch)];
    const std::string text = branch_fails(branch) ? "not (" + render(c.test) + ")" : render(c.test);
    out = out.empty() ? text : text + " / " + out;
  }
  return out;
}

const CallFact& call_on_line(const FileSummary& s, std::uint32_t line) {
  for (const CallFact& c : s.calls) {
    if (c.line == line) return c;
  }
  FAIL("no call on line " << line);
  throw;
}

TEST_CASE("statements under if / elif / else carry their branch's condition chain",
          "[unit][fact_collector]") {
  const FileSummary s = summarize_python(R"(register(0)
if settings.A:
    register(1)
    if not flags.get("b", False):
        register(2)
elif x == "y":
    register(3)
else:
    register(4)
    for i in items:
        pass
    else:
        register(5)
try:
    pass
except ImportError:
    pass
else:
    register(6)
)");
  CHECK(call_on_line(s, 1).condition == -1);
  CHECK(condition_chain(s, call_on_line(s, 3).condition) == "settings.A");
  CHECK(condition_chain(s, call_on_line(s, 5).condition) ==
        "settings.A / not flags.get(\"b\", False)");
  CHECK(condition_chain(s, call_on_line(s, 7).condition) == "not (settings.A) / x == \"y\"");
  CHECK(condition_chain(s, call_on_line(s, 9).condition) == "not (settings.A) / not (x == \"y\")");
  // The `else` of a loop or a try is no branch of an `if`.
  CHECK(condition_chain(s, call_on_line(s, 13).condition) == "not (settings.A) / not (x == \"y\")");
  CHECK(call_on_line(s, 19).condition == -1);
  const AssignmentFact* assigned = nullptr;
  const FileSummary t = summarize_python("if DEBUG:\n    urlpatterns += [1]\n");
  for (const AssignmentFact& a : t.assignments)
    assigned = &a;
  REQUIRE(assigned);
  CHECK(condition_chain(t, assigned->condition) == "DEBUG");
}

TEST_CASE("statements after `if test: return` in the same block run under not (test)",
          "[unit][fact_collector]") {
  const FileSummary s = summarize_python(R"(def f():
    register(2)
    if not FEATURE:
        return None
    register(5)

    def view():
        pass
    if A:
        register(9)
        raise E()
    elif B:
        return
    register(14)
    for x in items:
        if x:
            continue  # skip
        register(18)
    register(19)
register(20)
)");
  CHECK(call_on_line(s, 2).condition == -1);
  CHECK(condition_chain(s, call_on_line(s, 5).condition) == "not (not FEATURE)");
  CHECK(condition_chain(s, definition(s, "f.view").condition) == "not (not FEATURE)");
  CHECK(condition_chain(s, call_on_line(s, 10).condition) == "not (not FEATURE) / A");
  CHECK(condition_chain(s, call_on_line(s, 14).condition) == "not (not FEATURE) / not (A)");
  CHECK(condition_chain(s, call_on_line(s, 18).condition) ==
        "not (not FEATURE) / not (A) / not (x)");
  CHECK(condition_chain(s, call_on_line(s, 19).condition) == "not (not FEATURE) / not (A)");
  CHECK(call_on_line(s, 20).condition == -1);
  CHECK_FALSE(call_on_line(s, 5).conditional);  // not syntactically under an `if`
}

TEST_CASE("loops over lists, names and attribute chains hold the calls and assignments in them",
          "[unit][fact_collector]") {
  const FileSummary s = summarize_python(R"(for p in settings.PLUGINS:
    urls.append(p)
    extra += [p]
for q in load():
    urls.append(q)
)",
                                         "urls.py", "urls");
  REQUIRE(s.loops.size() == 1);
  CHECK(s.loops[0].targets == std::vector<std::string>{"p"});
  CHECK(s.loops[0].iterable.kind == PythonValue::Kind::kName);
  CHECK(s.loops[0].iterable.text == "settings.PLUGINS");
  REQUIRE(s.calls.size() == 2);
  CHECK(s.calls[0].loop == 0);
  CHECK(s.calls[1].loop == -1);  // a call's result: not a list the link stage can know
  REQUIRE(s.assignments.size() == 1);
  CHECK(s.assignments[0].loop == 0);
}

}  // namespace
}  // namespace cutover

namespace cutover {
namespace {

const NameUse* use_named(const FileSummary& s, std::string_view scope, std::string_view name) {
  for (const NameUse& u : s.name_uses) {
    if (u.scope == scope && u.name == name) return &u;
  }
  return nullptr;
}

TEST_CASE("name uses say whether they are called and whether only decorators hold them",
          "[unit][fact_collector]") {
  const FileSummary s = summarize_python(R"(@login_required
def view():
    helper
    helper()
    cart = Cart(uid)
    return _cart().count() + super().total
@login_required
def other():
    return login_required(x)
)");
  REQUIRE(use_named(s, "view", "helper"));
  CHECK(use_named(s, "view", "helper")->called);  // called at some use
  CHECK(use_named(s, "view", "Cart")->called);
  CHECK_FALSE(use_named(s, "view", "uid")->called);
  // A method of what a call returns: `F().m`.
  REQUIRE(use_named(s, "view", "_cart().count"));
  CHECK(use_named(s, "view", "_cart().count")->called);
  CHECK(use_named(s, "view", "_cart")->called);
  REQUIRE(use_named(s, "view", "super().total"));
  CHECK_FALSE(use_named(s, "view", "super().total")->called);
  // The module-level use of login_required is a decorator's only.
  REQUIRE(use_named(s, "", "login_required"));
  CHECK(use_named(s, "", "login_required")->in_decorator);
  CHECK_FALSE(use_named(s, "other", "login_required")->in_decorator);
}

TEST_CASE("a definition's last line is where its body ends", "[unit][fact_collector]") {
  const FileSummary s = summarize_python(R"(@decorate
def f():
    x = 1

    return x
class C:
    a = 1
    def m(self):
        pass
)");
  REQUIRE(s.definitions.size() == 3);
  CHECK(s.definitions[0].first_line == 1);
  CHECK(s.definitions[0].last_line == 5);
  CHECK(s.definitions[1].last_line == 9);
  CHECK(s.definitions[2].line == 8);
  CHECK(s.definitions[2].last_line == 9);
}

}  // namespace
}  // namespace cutover
