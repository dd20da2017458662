#pragma once
// The migration plan: per endpoint, what porting it to FastAPI takes (the
// compatibility matrix); per family, a score from explicit factors and the
// wave it moves in, with the reasons in words; per table, who uses it.

#include <cstdint>
#include <string>
#include <vector>

namespace cutover {

// One thing an endpoint's FastAPI port must replace, and with what.
struct Adapter {
  std::string id;        // "form-data", "session", "request-hooks", ...
  std::string fastapi;   // the FastAPI counterpart
  std::string evidence;  // what in the legacy code asks for it: "flask.request.form"
  std::string file;
  std::uint32_t line = 0;
};

struct MatrixRow {
  std::string route_id;
  std::string family;
  std::string status;                 // "unchanged", "adapted", "deprecated", "blocked"
  std::vector<Adapter> adapters;      // sorted by id, then evidence
  std::vector<std::string> blockers;  // "print statement at shop/x.py:12", unresolved parts
  std::string deprecated_by;          // config entry or decorator, when deprecated
  // With access logs: why deprecating it is proposed (no request in the
  // window). A proposal only: `status` stays the user's call.
  std::string proposed_deprecation;
};

// One input of a family's score: its raw value, the value scaled to [0, 1]
// across families, the weight, and what the product adds to the score.
struct ScoreFactor {
  std::string name;
  double value = 0;
  double scaled = 0;
  double weight = 0;
  double contribution = 0;
};

struct FamilyPlan {
  std::string name;
  double score = 0;  // higher moves earlier
  std::vector<ScoreFactor> factors;
  std::uint32_t wave = 0;
  std::string reasons;  // the factors in words
  bool auth_critical = false;
  std::vector<std::string> tables_read;     // sorted
  std::vector<std::string> tables_written;  // sorted
  std::vector<std::string> tables_shared;   // also used by another family, sorted
  std::vector<std::string> prerequisites;   // what to extract, wrap or port first
  std::vector<std::string> sequence;        // suggested cutover steps
};

struct Wave {
  std::uint32_t number = 0;
  std::vector<std::string> families;  // in rank order
};

struct TableUse {
  std::string table;
  std::vector<std::string> models;      // dotted names mapping it
  std::vector<std::string> read_by;     // families, sorted
  std::vector<std::string> written_by;  // families, sorted
};

struct Plan {
  std::vector<FamilyPlan> families;  // in rank order
  std::vector<Wave> waves;
  std::vector<MatrixRow> matrix;  // in route order
  std::vector<TableUse> tables;   // sorted by table
};

}  // namespace cutover
