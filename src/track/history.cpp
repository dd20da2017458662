#include "track/history.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <string_view>

#include "cutover_version.h"

namespace cutover {
namespace {

struct DatabaseCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Database = std::unique_ptr<sqlite3, DatabaseCloser>;
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

constexpr const char* kCreate = R"(
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  recorded_at TEXT NOT NULL,
  root TEXT NOT NULL,
  cutover_version TEXT NOT NULL,
  endpoints INTEGER NOT NULL,
  legacy_surface INTEGER NOT NULL,
  families INTEGER NOT NULL,
  modules INTEGER NOT NULL,
  source_lines INTEGER NOT NULL,
  python2_blockers INTEGER NOT NULL,
  cycles INTEGER NOT NULL,
  percent_moved REAL
))";

bool exec(sqlite3* db, const char* sql, std::string& error) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
  error = message ? message : "sqlite error";
  sqlite3_free(message);
  return false;
}

// The columns of a run, in the order runs are bound on insert and read on select.
constexpr std::string_view kRunColumns =
    "recorded_at, root, cutover_version, endpoints, legacy_surface, families, modules, "
    "source_lines, python2_blockers, cycles, percent_moved";

Statement prepare(sqlite3* db, const std::string& sql, std::string& error) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
    error = sqlite3_errmsg(db);
  return Statement(statement);
}

std::string text_column(sqlite3_stmt* s, int column) {
  const unsigned char* text = sqlite3_column_text(s, column);
  return text ? reinterpret_cast<const char*>(text) : "";
}

}  // namespace

HistoryRun history_run(const Inventory& legacy, const Progress* progress, std::string recorded_at) {
  HistoryRun run{.recorded_at = std::move(recorded_at),
                 .root = legacy.root,
                 .cutover_version = kCutoverVersion,
                 .legacy_surface = endpoints_to_move(legacy),
                 .families = static_cast<std::uint32_t>(legacy.families.size()),
                 .modules = static_cast<std::uint32_t>(legacy.modules.size()),
                 .source_lines = source_lines(legacy),
                 .python2_blockers = static_cast<std::uint32_t>(legacy.python2.size()),
                 .cycles = static_cast<std::uint32_t>(legacy.cycles.size())};
  for (const Route& r : legacy.routes)
    run.endpoints += r.framework != "fastapi";
  if (progress) {
    const ProgressCounts& c = progress->overall;
    run.legacy_surface = c.remaining + c.split;
    run.percent_moved = c.percent;
  }
  return run;
}

std::string history_timestamp() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch)
    t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

std::optional<std::vector<HistoryRun>> append_history(const std::string& file,
                                                      const HistoryRun& run, std::string& error) {
  sqlite3* raw = nullptr;
  const int opened =
      sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  Database db(raw);
  if (opened != SQLITE_OK) {
    error = file + ": " + (raw ? sqlite3_errmsg(raw) : "cannot open");
    return std::nullopt;
  }
  sqlite3_busy_timeout(db.get(), 5000);  // two CI jobs appending at once wait, not fail
  std::string sql_error;
  const auto fail = [&](const std::string& what) {
    error = file + ": " + what + (sql_error.empty() ? "" : ": " + sql_error);
    return std::nullopt;
  };
  if (!exec(db.get(), "BEGIN IMMEDIATE", sql_error)) return fail("not an SQLite history file");
  int format = 0;
  {
    Statement version = prepare(db.get(), "PRAGMA user_version", sql_error);
    if (!version || sqlite3_step(version.get()) != SQLITE_ROW) return fail("cannot read format");
    format = sqlite3_column_int(version.get(), 0);
  }
  if (format == 0) {
    if (!exec(db.get(), kCreate, sql_error) ||
        !exec(db.get(), ("PRAGMA user_version = " + std::to_string(kHistoryFormat)).c_str(),
              sql_error)) {
      return fail("cannot create the runs table");
    }
  } else if (format != kHistoryFormat) {
    exec(db.get(), "ROLLBACK", sql_error);
    return fail("history format " + std::to_string(format) + ", this cutover writes " +
                std::to_string(kHistoryFormat));
  }
  Statement insert =
      prepare(db.get(),
              "INSERT INTO runs (" + std::string(kRunColumns) + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)",
              sql_error);
  if (!insert) return fail("cannot write");
  sqlite3_stmt* s = insert.get();
  sqlite3_bind_text(s, 1, run.recorded_at.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(s, 2, run.root.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(s, 3, run.cutover_version.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(s, 4, run.endpoints);
  sqlite3_bind_int64(s, 5, run.legacy_surface);
  sqlite3_bind_int64(s, 6, run.families);
  sqlite3_bind_int64(s, 7, run.modules);
  sqlite3_bind_int64(s, 8, static_cast<sqlite3_int64>(run.source_lines));
  sqlite3_bind_int64(s, 9, run.python2_blockers);
  sqlite3_bind_int64(s, 10, run.cycles);
  if (run.percent_moved)
    sqlite3_bind_double(s, 11, *run.percent_moved);
  else
    sqlite3_bind_null(s, 11);
  if (sqlite3_step(s) != SQLITE_DONE) {
    sql_error = sqlite3_errmsg(db.get());
    return fail("cannot write");
  }
  if (!exec(db.get(), "COMMIT", sql_error)) return fail("cannot commit");

  Statement select = prepare(
      db.get(), "SELECT " + std::string(kRunColumns) + " FROM runs ORDER BY recorded_at, id",
      sql_error);
  if (!select) return fail("cannot read");
  std::vector<HistoryRun> runs;
  while (sqlite3_step(select.get()) == SQLITE_ROW) {
    sqlite3_stmt* r = select.get();
    HistoryRun h{.recorded_at = text_column(r, 0),
                 .root = text_column(r, 1),
                 .cutover_version = text_column(r, 2),
                 .endpoints = static_cast<std::uint32_t>(sqlite3_column_int64(r, 3)),
                 .legacy_surface = static_cast<std::uint32_t>(sqlite3_column_int64(r, 4)),
                 .families = static_cast<std::uint32_t>(sqlite3_column_int64(r, 5)),
                 .modules = static_cast<std::uint32_t>(sqlite3_column_int64(r, 6)),
                 .source_lines = static_cast<std::uint64_t>(sqlite3_column_int64(r, 7)),
                 .python2_blockers = static_cast<std::uint32_t>(sqlite3_column_int64(r, 8)),
                 .cycles = static_cast<std::uint32_t>(sqlite3_column_int64(r, 9))};
    if (sqlite3_column_type(r, 10) != SQLITE_NULL) h.percent_moved = sqlite3_column_double(r, 10);
    runs.push_back(std::move(h));
  }
  return runs;
}

}  // namespace cutover
