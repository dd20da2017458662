#pragma once
// The migration plan: per endpoint, what porting it to FastAPI takes (the
// compatibility matrix); per family, a score from explicit factors and the
// wave it moves in, with the reasons in words; per table, who uses it.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/decommission.h"

namespace cutover {

// One thing an endpoint's FastAPI port must replace, and with what.
struct Adapter {
  std::string id;        // "form-data", "session", "request-hooks", ...
  std::string fastapi;   // the FastAPI counterpart
  std::string evidence;  // what in the legacy code asks for it: "flask.request.form"
  std::string file;
  std::uint32_t line = 0;
};

// What porting one endpoint takes, from its slice. Class by lines to port:
// S < 80, M < 300, L < 1,000, XL from 1,000; one class up when the
// endpoint writes 3 or more tables or needs 8 or more adapters.
struct EndpointEffort {
  std::string effort;  // "S", "M", "L", "XL"
  std::uint32_t lines = 0;
  std::uint32_t adapters = 0;
  std::uint32_t tables_written = 0;
};

struct MatrixRow {
  std::string route_id;
  std::string family;
  std::string status;                 // "unchanged", "adapted", "deprecated", "blocked"
  std::vector<Adapter> adapters;      // sorted by id, then evidence
  std::vector<std::string> blockers;  // "print statement at shop/x.py:12", unresolved parts
  std::string deprecated_by;          // config entry or decorator, when deprecated
  EndpointEffort effort;
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
  std::uint32_t lines_to_port = 0;          // the union of its endpoints' slices
  std::vector<std::pair<std::string, std::uint32_t>> shared_lines;  // (family, lines), by name
  std::vector<std::string> test_files;  // test code that exercises its handlers, sorted
};

// Code in the slices of two or more families: a shared-kernel candidate,
// extracted (a library, or a service both call) before they separate.
struct KernelCandidate {
  std::string head;                // its largest function or class
  std::string module;              // the module holding it
  std::vector<std::string> units;  // its functions and classes, sorted
  std::uint32_t lines = 0;
  std::vector<std::string> families;  // using it, sorted
};

// An endpoint whose slice writes tables another family's slices write too:
// a distributed transaction once the families are separate services.
struct DistributedWrite {
  std::string route_id;
  std::string family;
  std::vector<std::string> tables;    // written by both, sorted
  std::vector<std::string> families;  // the other writers, sorted
};

// What crosses one way of cutting the tree into services: resolved calls
// between units of different parts, and endpoints writing tables another
// part writes.
struct CutFigures {
  std::string cut;  // "families", "after wave 1", ...
  std::uint32_t parts = 0;
  std::uint32_t resolved_calls = 0;
  std::uint32_t crossing_calls = 0;
  double crossing_share = 0;
  std::uint32_t distributed_writes = 0;
};

struct PlanQuality {
  CutFigures families;                   // every family its own service
  std::vector<CutFigures> waves;         // after each wave: moved families apart, the rest legacy
  std::vector<DistributedWrite> writes;  // under the family grouping, in route order
};

struct Wave {
  std::uint32_t number = 0;
  std::vector<std::string> families;  // in rank order
  Decommission removable;             // what legacy can delete once this wave moved
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
  std::vector<MatrixRow> matrix;        // in route order
  std::vector<TableUse> tables;         // sorted by table
  std::vector<KernelCandidate> kernel;  // ranked by families × lines
  PlanQuality quality;
};

}  // namespace cutover
