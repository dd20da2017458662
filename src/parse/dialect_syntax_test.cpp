// Which Python a file is written for, as the walk records it (through
// summarize_text): Python 2 findings on their lines, Python 3-only syntax.

#include "parse/dialect_syntax.h"

#include <catch2/catch.hpp>
#include <string>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

using testing::summarize_python;

TEST_CASE("Python 2 constructs are found on the right lines", "[unit][dialect_syntax][python2]") {
  const FileSummary s = summarize_python(R"(import os
print "hello"
print >>sys.stderr, "err"
exec "code"
try:
    pass
except ValueError, e:
    pass
raise ValueError, "msg"
x = `y`
if a <> b:
    pass
mode = 0777
big = 10L
s = ur'raw'
)");
  std::vector<std::pair<std::string, std::uint32_t>> found;
  for (const Python2Finding& f : s.python2)
    found.emplace_back(f.construct, f.line);
  const std::vector<std::pair<std::string, std::uint32_t>> expected = {
      {"print statement", 2},    {"print statement", 3},    {"exec statement", 4},
      {"except E, e", 7},        {"raise E, msg", 9},       {"backtick repr", 10},
      {"<> operator", 11},       {"old octal literal", 13}, {"long integer suffix", 14},
      {"ur'' string prefix", 15}};
  CHECK(found == expected);
}

TEST_CASE("Python 3 code has no Python 2 findings", "[unit][dialect_syntax][python2]") {
  const FileSummary s = summarize_python(R"(print("x")
print()
print("a", file=sys.stderr)
mode = 0o777
zero = 0
hexa = 0x1F
s = r'raw' + u'text'
try:
    pass
except (ValueError, KeyError) as e:
    raise ValueError("msg") from e
if a != b:
    pass
)");
  CHECK(s.python2.empty());
  CHECK(s.status == FileStatus::kParsed);
}

TEST_CASE("dict methods only Python 2 has are Python 2 findings",
          "[unit][dialect_syntax][python2]") {
  const FileSummary s = summarize_python(
      "for k, v in d.iteritems():\n    pass\nif cache.has_key(k):\n    pass\n"
      "x = load().itervalues()\ny = d.items()\n");
  std::vector<std::string> found;
  for (const Python2Finding& f : s.python2)
    found.push_back(f.construct + "@" + std::to_string(f.line));
  CHECK(found ==
        std::vector<std::string>{"dict.iteritems()@1", "dict.has_key()@3", "dict.itervalues()@5"});
}

TEST_CASE("syntax only Python 3 runs marks the file", "[unit][dialect_syntax][python2]") {
  for (const char* py3 :
       {"x = f'{y}'\n", "def f(a: int): pass\n", "def f() -> int: pass\n",
        "async def f():\n    await g()\n", "def f():\n    nonlocal x\n", "if (n := 3): pass\n",
        "def f(a, *, b): pass\n", "def f(a, /, b): pass\n", "x: int = 3\n"}) {
    INFO(py3);
    CHECK(summarize_python(py3).python3_only);
  }
  for (const char* neutral :
       {"x = '{y}'.format(y=1)\n", "def f(a, b=1, *args, **kw): pass\n", "print('x')\n"}) {
    INFO(neutral);
    CHECK_FALSE(summarize_python(neutral).python3_only);
  }
}

}  // namespace
}  // namespace cutover
