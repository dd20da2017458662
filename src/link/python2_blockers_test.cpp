// Python 2 constructs a module must shed before it runs on Python 3.

#include "link/python2_blockers.h"

#include <catch2/catch.hpp>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

TEST_CASE("syntax, dropped builtins, py2-only modules and __metaclass__, with lines",
          "[unit][python2_blockers]") {
  const Inventory inv = testing::link_python({
      {"legacy.py", R"(import urllib2
from StringIO import StringIO
print "hello"
class Meta(object):
    __metaclass__ = Registry
def f(d):
    for i in xrange(3):
        pass
    return unicode(d.has_key('x'))
)"},
      {"compat.py", R"(try:
    unicode = unicode
except NameError:
    unicode = str
def g(x):
    return unicode(x)
)"},
  });
  std::vector<std::string> found;
  for (const Python2Blocker& b : inv.python2)
    found.push_back(b.module + ":" + std::to_string(b.line) + ":" + b.construct);
  CHECK(found == std::vector<std::string>{
                     "legacy:1:import urllib2",
                     "legacy:2:import StringIO",
                     "legacy:3:print statement",
                     "legacy:5:__metaclass__ attribute",
                     "legacy:7:builtin xrange",
                     "legacy:9:builtin unicode",
                     "legacy:9:dict.has_key()",
                 });  // compat.py binds unicode itself: no blocker
}

}  // namespace
}  // namespace cutover
