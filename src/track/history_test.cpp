#include "track/history.h"

#include <catch2/catch.hpp>
#include <cstdlib>

#include "emit/html_history.h"
#include "testing/scratch_tree.h"
#include "testing/text_count.h"

namespace cutover {
namespace {

HistoryRun run_at(std::string when, std::uint32_t surface, std::optional<double> percent = {}) {
  return HistoryRun{.recorded_at = std::move(when),
                    .root = "shop",
                    .cutover_version = "0.1.0",
                    .endpoints = 50,
                    .legacy_surface = surface,
                    .source_lines = 1234567890123ull,
                    .percent_moved = percent};
}

TEST_CASE("runs append to the history file and read back in time order", "[unit][history]") {
  testing::ScratchTree tree;
  const std::string file = (tree.root() / "history.sqlite").string();
  std::string error;
  REQUIRE(append_history(file, run_at("2026-02-01T00:00:00Z", 40, 20.0), error));
  const auto runs = append_history(file, run_at("2026-01-01T00:00:00Z", 50), error);
  REQUIRE(runs);
  REQUIRE(runs->size() == 2);
  CHECK((*runs)[0].recorded_at == "2026-01-01T00:00:00Z");
  CHECK((*runs)[0].legacy_surface == 50);
  CHECK_FALSE((*runs)[0].percent_moved);
  CHECK((*runs)[1].percent_moved == 20.0);
  CHECK((*runs)[1].source_lines == 1234567890123ull);
  CHECK((*runs)[1].root == "shop");
}

TEST_CASE("a file that is not a history of this format is refused", "[unit][history]") {
  testing::ScratchTree tree;
  tree.write("notes.txt", std::string(4096, 'x'));
  std::string error;
  CHECK_FALSE(append_history((tree.root() / "notes.txt").string(), run_at("t", 1), error));
  CHECK(error.find("notes.txt") != std::string::npos);
  CHECK_FALSE(append_history((tree.root() / "no/such/dir/h.db").string(), run_at("t", 1), error));
}

TEST_CASE("the time recorded comes from SOURCE_DATE_EPOCH when set", "[unit][history]") {
  const char* before = std::getenv("SOURCE_DATE_EPOCH");
  const std::string saved = before ? before : "";
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  CHECK(history_timestamp() == "2023-11-14T22:13:20Z");
  if (before)
    setenv("SOURCE_DATE_EPOCH", saved.c_str(), 1);
  else
    unsetenv("SOURCE_DATE_EPOCH");
  CHECK(history_timestamp().size() == 20);
}

TEST_CASE("a progress run counts what is still legacy", "[unit][history]") {
  Inventory inv;
  inv.routes.resize(4);
  inv.plan.matrix = {MatrixRow{.status = "adapted"}, MatrixRow{.status = "deprecated"},
                     MatrixRow{.status = "blocked"}, MatrixRow{.status = "adapted"}};
  const HistoryRun scan = history_run(inv, nullptr, "t");
  CHECK(scan.endpoints == 4);
  CHECK(scan.legacy_surface == 3);
  Progress p;
  p.overall = ProgressCounts{.migrated = 1, .split = 1, .remaining = 1, .percent = 40};
  const HistoryRun progress = history_run(inv, &p, "t");
  CHECK(progress.legacy_surface == 2);
  CHECK(progress.percent_moved == 40);
}

TEST_CASE("the burn-down draws one point per run, escaped", "[unit][history]") {
  const std::string html = history_section(
      {run_at("2026-01-01T00:00:00Z", 50), run_at("<script>", 25), run_at("2026-03-01", 0, 50)});
  CHECK(testing::count(html, "<circle") == 3);
  CHECK(html.find("points=\"48.000,12.000 336.000,92.000 624.000,172.000\"") != std::string::npos);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(testing::count(html, "<tr><td>") == 3);
  CHECK(history_section({}).empty());
}

}  // namespace
}  // namespace cutover
