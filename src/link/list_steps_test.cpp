// The statements that build a list variable, in order, and the step its
// value starts from.

#include "link/list_steps.h"

#include <catch2/catch.hpp>

#include "testing/link_for_test.h"

namespace cutover {
namespace {

using testing::LinkedTree;
using Kind = ListStep::Kind;

TEST_CASE("list_steps lists =, +=, append, extend and insert in source order", "[unit][link]") {
  LinkedTree tree({{"app.py", R"(x = []
y = [1]
x += y
if flag:
    x.append(2)
x = x + [3]
x.extend([4])
x.insert(0, 5)
x.sort()

def f():
    x = [6]
    x.append(7)
    return x
)"}});
  const FileSummary& file = tree.files()[tree.file("app.py")];
  const std::vector<ListStep> steps = list_steps(file, tree.file("app.py"), "", "x");
  REQUIRE(steps.size() == 6);
  CHECK(steps[0].kind == Kind::kAssign);
  CHECK(steps[1].kind == Kind::kExtend);
  CHECK(steps[2].kind == Kind::kAppend);
  CHECK(steps[2].condition >= 0);
  CHECK(steps[2].line == 5);
  CHECK(steps[3].kind == Kind::kAssign);
  CHECK(steps[4].kind == Kind::kExtend);
  CHECK(steps[5].kind == Kind::kAppend);
  CHECK(steps[5].value->text == "5");
  // `x = x + [3]` reads x: the value still starts at `x = []`.
  CHECK(first_live_step(steps, "x", 100) == 0);
  CHECK(list_steps(file, tree.file("app.py"), "f", "x").size() == 2);
}

TEST_CASE("first_live_step starts at the last unconditional rebinding", "[unit][link]") {
  LinkedTree tree({{"app.py", R"(x = [1]
x.append(2)
x = [3]
if flag:
    x = [4]
x.append(5)
)"}});
  const std::vector<ListStep> steps =
      list_steps(tree.files()[tree.file("app.py")], tree.file("app.py"), "", "x");
  REQUIRE(steps.size() == 5);
  CHECK(first_live_step(steps, "x", 2) == 0);
  CHECK(first_live_step(steps, "x", 3) == 2);
  CHECK(first_live_step(steps, "x", 100) == 2);  // `x = [4]` may not run
  CHECK(reads_name(*steps[0].value, "x") == false);
}

}  // namespace
}  // namespace cutover
