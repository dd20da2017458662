// PythonValue as read from assignment right-hand sides (through summarize_text).

#include "parse/value_reader.h"

#include <catch2/catch.hpp>
#include <string>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

using Kind = PythonValue::Kind;

// The value assigned by the only statement of `source` ("x = ...").
PythonValue value_of(const std::string& source) {
  const FileSummary s = testing::summarize_python(source);
  REQUIRE(s.status == FileStatus::kParsed);
  REQUIRE(s.assignments.size() == 1);
  return s.assignments[0].value;
}

TEST_CASE("plain strings decode common escapes", "[unit][value_reader]") {
  const PythonValue v = value_of(R"(x = 'a\tb\n\\c\'d\x41')");
  CHECK(v.kind == Kind::kString);
  CHECK(v.is_string());
  CHECK(v.text == "a\tb\n\\c'dA");
}

TEST_CASE("rare escapes are kept as written", "[unit][value_reader]") {
  CHECK(value_of(R"(x = '\u00e9')").text == R"(\u00e9)");
}

TEST_CASE("raw strings keep backslashes", "[unit][value_reader]") {
  const PythonValue v = value_of(R"(x = r'^/users/(\d+)\n$')");
  CHECK(v.kind == Kind::kString);
  CHECK(v.text == R"(^/users/(\d+)\n$)");
}

TEST_CASE("u-prefixed and triple-quoted strings are plain strings", "[unit][value_reader]") {
  CHECK(value_of("x = u'/unicode'").text == "/unicode");
  const PythonValue triple = value_of("x = \"\"\"multi\nline\"\"\"");
  CHECK(triple.kind == Kind::kString);
  CHECK(triple.text == "multi\nline");
}

TEST_CASE("adjacent string literals are concatenated", "[unit][value_reader]") {
  const PythonValue v = value_of(R"(x = ('/api'
     "/v1" '/users'))");
  CHECK(v.kind == Kind::kString);
  CHECK(v.text == "/api/v1/users");
}

TEST_CASE("f-strings are kFString with the source excerpt", "[unit][value_reader]") {
  const PythonValue v = value_of("x = f'/users/{uid}'");
  CHECK(v.kind == Kind::kFString);
  CHECK_FALSE(v.is_string());
  CHECK(v.text == "f'/users/{uid}'");
  const PythonValue mixed = value_of("x = '/a' f'/{b}'");
  CHECK(mixed.kind == Kind::kFString);
}

TEST_CASE("f-string literal parts undo the {{ }} escapes; plain strings keep them",
          "[unit][value_reader]") {
  const PythonValue v = value_of("x = f'/a/{{id}}/{b}/}}'");
  REQUIRE(v.kind == Kind::kFString);
  REQUIRE(v.items.size() == 3);
  CHECK(v.items[0].text == "/a/{id}/");
  CHECK(v.items[1].kind == Kind::kName);
  CHECK(v.items[2].text == "/}");
  CHECK(value_of("x = '/a/{{id}}'").text == "/a/{{id}}");
  CHECK(value_of("x = rf'/{{\\d}}/{b}'").items[0].text == "/{\\d}/");
}

TEST_CASE("adjacent literals with an f-string keep every piece's parts in order",
          "[unit][value_reader]") {
  const PythonValue v = value_of("x = '/api' f'/{version}/{{x}}' '/items'");
  REQUIRE(v.kind == Kind::kFString);
  REQUIRE(v.items.size() == 5);
  CHECK(v.items[0].text == "/api");
  CHECK(v.items[1].text == "/");
  CHECK(v.items[2].text == "version");
  CHECK(v.items[3].text == "/{x}");
  CHECK(v.items[4].text == "/items");
}

TEST_CASE("numbers, booleans and None", "[unit][value_reader]") {
  CHECK(value_of("x = 42").kind == Kind::kNumber);
  CHECK(value_of("x = 42").text == "42");
  CHECK(value_of("x = 3.5").kind == Kind::kNumber);
  CHECK(value_of("x = True").kind == Kind::kBool);
  CHECK(value_of("x = False").text == "False");
  CHECK(value_of("x = None").kind == Kind::kNone);
}

TEST_CASE("names and attribute chains are dotted kName", "[unit][value_reader]") {
  const PythonValue v = value_of("x = views.admin.show");
  CHECK(v.kind == Kind::kName);
  CHECK(v.text == "views.admin.show");
  CHECK(value_of("x = bp").text == "bp");
}

TEST_CASE("lists and tuples keep their items in order", "[unit][value_reader]") {
  const PythonValue list = value_of("x = ['GET', 'post', None, 1]");
  CHECK(list.kind == Kind::kList);
  REQUIRE(list.items.size() == 4);
  CHECK(list.items[0].text == "GET");
  CHECK(list.items[1].text == "post");
  CHECK(list.items[2].kind == Kind::kNone);
  CHECK(list.items[3].kind == Kind::kNumber);

  const PythonValue tuple = value_of("x = ('a', b)");
  CHECK(tuple.kind == Kind::kTuple);
  REQUIRE(tuple.items.size() == 2);
  CHECK(tuple.items[1].kind == Kind::kName);

  const PythonValue single = value_of("x = ('only',)");
  CHECK(single.kind == Kind::kTuple);
  REQUIRE(single.items.size() == 1);
}

TEST_CASE("sets keep their items in source order", "[unit][value_reader]") {
  const PythonValue set = value_of("x = {'delete', \"api_delete\", NAME}");
  CHECK(set.kind == Kind::kSet);
  REQUIRE(set.items.size() == 3);
  CHECK(set.items[0].text == "delete");
  CHECK(set.items[1].text == "api_delete");
  CHECK(set.items[2].kind == Kind::kName);
  CHECK(render(set) == "{\"delete\", \"api_delete\", NAME}");
  CHECK(value_of("x = {}").kind == Kind::kDict);  // `{}` is an empty dict, not a set
}

TEST_CASE("a parenthesised expression is its content", "[unit][value_reader]") {
  const PythonValue v = value_of("x = ('/x')");
  CHECK(v.kind == Kind::kString);
  CHECK(v.text == "/x");
}

TEST_CASE("dicts alternate keys and values", "[unit][value_reader]") {
  const PythonValue v = value_of("x = {'k': 'v', 2: [3]}");
  CHECK(v.kind == Kind::kDict);
  REQUIRE(v.items.size() == 4);
  CHECK(v.items[0].text == "k");
  CHECK(v.items[1].text == "v");
  CHECK(v.items[2].text == "2");
  CHECK(v.items[3].kind == Kind::kList);
}

TEST_CASE("calls keep the dotted callee, positional and keyword arguments",
          "[unit][value_reader]") {
  const PythonValue v = value_of("x = flask.Blueprint('admin', __name__, url_prefix='/admin')");
  CHECK(v.kind == Kind::kCall);
  CHECK(v.text == "flask.Blueprint");
  REQUIRE(v.items.size() == 2);
  CHECK(v.items[0].text == "admin");
  CHECK(v.items[1].kind == Kind::kName);
  REQUIRE(v.keywords.size() == 1);
  CHECK(v.keywords[0].name == "url_prefix");
  REQUIRE(v.keyword("url_prefix") != nullptr);
  CHECK(v.keyword("url_prefix")->text == "/admin");
  CHECK(v.keyword("missing") == nullptr);
  REQUIRE(v.positional(0) != nullptr);
  CHECK(v.positional(0)->text == "admin");
  CHECK(v.positional(2) == nullptr);
}

TEST_CASE("binary operators keep operator and operands", "[unit][value_reader]") {
  const PythonValue v = value_of("x = '/a' + PREFIX + '/b'");
  CHECK(v.kind == Kind::kBinary);
  CHECK(v.text == "+");
  REQUIRE(v.items.size() == 2);
  CHECK(v.items[1].text == "/b");
  const PythonValue& left = v.items[0];
  CHECK(left.kind == Kind::kBinary);
  REQUIRE(left.items.size() == 2);
  CHECK(left.items[0].text == "/a");
  CHECK(left.items[1].kind == Kind::kName);
  CHECK(left.items[1].text == "PREFIX");

  const PythonValue percent = value_of("x = '/u/%s' % name");
  CHECK(percent.kind == Kind::kBinary);
  CHECK(percent.text == "%");
}

TEST_CASE("other expressions are kOther with a source excerpt", "[unit][value_reader]") {
  const PythonValue v = value_of("x = a if b else c");
  CHECK(v.kind == Kind::kOther);
  CHECK(v.text == "a if b else c");
  const PythonValue lambda = value_of("x = lambda: 1");
  CHECK(lambda.kind == Kind::kOther);
  CHECK(lambda.text == "lambda: 1");
}

TEST_CASE("subscripts of name chains keep the chain and the key", "[unit][value_reader]") {
  const PythonValue v = value_of("x = app.config['API_PREFIX']");
  CHECK(v.kind == Kind::kSubscript);
  CHECK(v.text == "app.config");
  REQUIRE(v.items.size() == 1);
  CHECK(v.items[0].kind == Kind::kString);
  CHECK(v.items[0].text == "API_PREFIX");
}

TEST_CASE("values record the line they start on", "[unit][value_reader]") {
  const FileSummary s = testing::summarize_python("\n\nx = make(\n  'a',\n  key='b')\n");
  REQUIRE(s.assignments.size() == 1);
  CHECK(s.assignments[0].line == 3);
  CHECK(s.assignments[0].value.line == 3);
  REQUIRE(s.assignments[0].value.items.size() == 1);
  CHECK(s.assignments[0].value.items[0].line == 4);
  CHECK(s.assignments[0].value.keyword("key")->line == 5);
}

TEST_CASE("values nested deeper than the limit become kOther excerpts", "[unit][value_reader]") {
  std::string deep = "x = ";
  for (int i = 0; i < 40; ++i)
    deep += "[";
  deep += "1";
  for (int i = 0; i < 40; ++i)
    deep += "]";
  const PythonValue v = value_of(deep);
  const PythonValue* p = &v;
  int depth = 0;
  while (p->kind == Kind::kList && !p->items.empty()) {
    p = &p->items[0];
    ++depth;
  }
  CHECK(depth <= kMaxValueDepth + 1);
  CHECK(p->kind == Kind::kOther);
  CHECK(p->text.size() <= kMaxExcerpt + 3);
}

TEST_CASE("list comprehensions with one for clause keep body, iterable, targets and tests",
          "[unit][value_reader]") {
  const PythonValue v = value_of("x = [path(p, v) for p, v in PAGES if p != 'skip']");
  REQUIRE(v.kind == Kind::kComprehension);
  REQUIRE(v.items.size() == 4);
  CHECK(v.items[0].kind == Kind::kCall);
  CHECK(v.items[0].text == "path");
  CHECK(v.items[1].text == "PAGES");
  REQUIRE(v.items[2].items.size() == 2);
  CHECK(v.items[2].items[1].text == "v");
  CHECK(v.items[3].text == "!=");
  CHECK(render(v) == "[path(p, v) for p, v in PAGES if p != 'skip']");
  // Two for clauses: not a shape the link stage expands.
  CHECK(value_of("x = [a for a in b for c in d]").kind == Kind::kOther);
}

}  // namespace
}  // namespace cutover
