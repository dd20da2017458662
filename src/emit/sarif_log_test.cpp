// cutover.sarif: a rule for every result, locations, levels, and
// fingerprints that survive lines moving.

#include "emit/sarif_log.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "emit/sarif_rules.h"
#include "emit/source_lines.h"

namespace cutover {
namespace {

Inventory findings_tree() {
  Inventory inv;
  inv.routes = {Route{.id = "r-partial",
                      .methods = {"GET"},
                      .path = "/x",
                      .file = "app.py",
                      .line = 7,
                      .partial = true,
                      .unresolved = "rule RULES[k]"},
                Route{.id = "r-assumed",
                      .methods = {"GET"},
                      .path = "/y",
                      .file = "app.py",
                      .line = 9,
                      .assumptions = {RouteAssumption{
                          .expr = "os.environ['P']", .assumed = "", .file = "cfg.py", .line = 2}}}};
  inv.diagnostics = {
      Diagnostic{"app.py", 7, Severity::kWarning, "partial-route", "rule RULES[k] not resolved"},
      Diagnostic{"bad.py", 3, Severity::kWarning, "syntax-error", "syntax error"},
      Diagnostic{"", 0, Severity::kInfo, "betweenness-skipped", "too many modules"}};
  inv.python2 = {
      Python2Blocker{.module = "old", .construct = "print statement", .file = "old.py", .line = 4},
      Python2Blocker{.module = "old", .construct = "print statement", .file = "old.py", .line = 8}};
  inv.cycles = {
      ImportCycle{.modules = {"a", "b"},
                  .path = {ImportStep{"a", "b", "a.py", 1}, ImportStep{"b", "a", "b.py", 1}}}};
  return inv;
}

LineText lines_of(std::map<std::string, std::string> files) {
  return [files = std::move(files)](const std::string& file, std::uint32_t line) {
    const auto found = files.find(file);
    if (found == files.end()) return std::string();
    const std::vector<std::string> lines = split_source_lines(found->second);
    return line >= 1 && line <= lines.size() ? lines[line - 1] : std::string();
  };
}

const SarifResult& result(const std::vector<SarifResult>& all, std::string_view rule,
                          std::size_t nth = 0) {
  for (const SarifResult& r : all) {
    if (r.rule == rule && nth-- == 0) return r;
  }
  FAIL("no result " << rule);
  throw;
}

TEST_CASE("every finding is a result with its rule's level and a location", "[unit][sarif]") {
  const std::vector<SarifResult> all = scan_findings(
      findings_tree(), lines_of({{"old.py", "x = 1\n\n\nprint 'a'\n\n\n\nprint  'a'\n"}}));
  // The partial route's own diagnostic is folded into the route's result.
  CHECK(std::count_if(all.begin(), all.end(),
                      [](const SarifResult& r) { return r.rule == "partial-route"; }) == 1);
  CHECK(result(all, "partial-route").fingerprint == "route:r-partial");
  CHECK(result(all, "partial-route").message == "rule RULES[k] not resolved");
  CHECK(result(all, "assumed-route").fingerprint == "route:r-assumed");
  CHECK(result(all, "assumed-route").level == "note");
  CHECK(result(all, "assumed-route").message.find("os.environ['P'] = \"\" (cfg.py:2)") !=
        std::string::npos);
  CHECK(result(all, "betweenness-skipped").level == "note");
  CHECK(result(all, "import-cycle").file == "a.py");
  CHECK(result(all, "import-cycle").message.find("a → b → a") != std::string::npos);
  // The same statement twice in a file: told apart by a count.
  const std::string first = result(all, "python2-blocker", 0).fingerprint;
  const std::string second = result(all, "python2-blocker", 1).fingerprint;
  CHECK(first.ends_with(":1"));
  CHECK(second.ends_with(":2"));
  CHECK(first.substr(0, first.size() - 2) == second.substr(0, second.size() - 2));

  const auto doc = nlohmann::json::parse(sarif_log(all));
  CHECK(doc["version"] == "2.1.0");
  const auto& run = doc["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "cutover");
  const auto& rules = run["tool"]["driver"]["rules"];
  for (const auto& r : run["results"]) {
    CHECK(rules[r["ruleIndex"].get<std::size_t>()]["id"] == r["ruleId"]);
    CHECK(r["partialFingerprints"].contains("cutover/v1"));
    CHECK(r["locations"].size() == 1);
  }
  CHECK(run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == ".");
}

TEST_CASE("a line-based fingerprint survives the lines above it moving", "[unit][sarif]") {
  Inventory before;
  before.python2 = {Python2Blocker{.construct = "print statement", .file = "m.py", .line = 2}};
  Inventory after = before;
  after.python2[0].line = 5;
  const std::string a =
      scan_findings(before, lines_of({{"m.py", "import os\nprint 'x'\n"}}))[0].fingerprint;
  const std::string b =
      scan_findings(after, lines_of({{"m.py", "import os\n\n# moved\n\n    print   'x'\n"}}))[0]
          .fingerprint;
  const std::string c =
      scan_findings(after, lines_of({{"m.py", "\n\n\n\nprint 'y'\n"}}))[0].fingerprint;
  CHECK(a == b);
  CHECK(a != c);
}

TEST_CASE("new legacy endpoints and methods from a diff", "[unit][sarif]") {
  RouteDiff diff;
  diff.added = {Route{.id = "n1", .methods = {"GET"}, .path = "/new", .file = "a.py", .line = 3}};
  diff.changed = {ChangedRoute{
      .before = Route{.id = "c1", .methods = {"GET"}},
      .after =
          Route{.id = "c1", .methods = {"GET", "POST"}, .path = "/c", .file = "c.py", .line = 8}}};
  const std::vector<SarifResult> all = new_endpoint_findings(diff);
  REQUIRE(all.size() == 2);
  CHECK(all[0].rule == "new-legacy-endpoint");
  CHECK(all[0].fingerprint == "route:n1");
  CHECK(all[1].fingerprint == "route:c1:POST");
  CHECK(all[1].line == 8);
}

TEST_CASE("the rule catalogue is sorted, and unknown codes still get a rule", "[unit][sarif]") {
  const auto rules = sarif_rules();
  CHECK(std::is_sorted(rules.begin(), rules.end(),
                       [](const SarifRule& a, const SarifRule& b) { return a.id < b.id; }));
  for (std::string_view id :
       {"partial-route", "assumed-route", "python2-blocker", "import-cycle", "new-legacy-endpoint"})
    CHECK(sarif_rule(id).help.size() > 20);
  CHECK(sarif_rule("made-up-code").id == "made-up-code");
  CHECK(sarif_rule_name("partial-route") == "PartialRoute");
  const auto doc = nlohmann::json::parse(
      sarif_log({SarifResult{.rule = "made-up-code", .level = "warning", .message = "m"}}));
  const auto& driver = doc["runs"][0]["tool"]["driver"];
  CHECK(driver["rules"][doc["runs"][0]["results"][0]["ruleIndex"].get<std::size_t>()]["id"] ==
        "made-up-code");
}

TEST_CASE("source lines split as Python counts them", "[unit][sarif]") {
  CHECK(split_source_lines("a\r\nb\rc\nd") == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(normalised_line("  x  =\t 1 ") == "x = 1");
}

}  // namespace
}  // namespace cutover
