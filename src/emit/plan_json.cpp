#include "emit/plan_json.h"

namespace cutover {
namespace {

void write_family_plan(JsonWriter& w, const FamilyPlan& f) {
  w.begin_object();
  w.member("name", f.name);
  w.member("wave", f.wave);
  w.member("score", f.score);
  w.member("reasons", f.reasons);
  w.member("auth_critical", f.auth_critical);
  w.key("factors");
  w.begin_array();
  for (const ScoreFactor& s : f.factors) {
    w.begin_object();
    w.member("name", s.name);
    w.member("value", s.value);
    w.member("scaled", s.scaled);
    w.member("weight", s.weight);
    w.member("contribution", s.contribution);
    w.end_object();
  }
  w.end_array();
  w.member("tables_read", f.tables_read);
  w.member("tables_written", f.tables_written);
  w.member("tables_shared", f.tables_shared);
  w.member("prerequisites", f.prerequisites);
  w.member("sequence", f.sequence);
  w.end_object();
}

void write_matrix_row(JsonWriter& w, const MatrixRow& row) {
  w.begin_object();
  w.member("route", row.route_id);
  w.member("family", row.family);
  w.member("status", row.status);
  w.key("adapters");
  w.begin_array();
  for (const Adapter& a : row.adapters) {
    w.begin_object();
    w.member("id", a.id);
    w.member("fastapi", a.fastapi);
    w.member("evidence", a.evidence);
    w.member("file", a.file);
    w.member("line", a.line);
    w.end_object();
  }
  w.end_array();
  w.member("blockers", row.blockers);
  if (!row.deprecated_by.empty()) w.member("deprecated_by", row.deprecated_by);
  if (!row.proposed_deprecation.empty())
    w.member("proposed_deprecation", row.proposed_deprecation);
  w.end_object();
}

}  // namespace

void write_plan_members(JsonWriter& w, const Inventory& inv) {
  const Plan& plan = inv.plan;
  w.key("families");
  w.begin_array();
  for (const FamilyPlan& f : plan.families)
    write_family_plan(w, f);
  w.end_array();
  w.key("waves");
  w.begin_array();
  for (const Wave& wave : plan.waves) {
    w.begin_object();
    w.member("wave", wave.number);
    w.member("families", wave.families);
    w.end_object();
  }
  w.end_array();
  w.key("models");
  w.begin_array();
  for (const DataModel& m : inv.models) {
    w.begin_object();
    w.member("name", m.name);
    w.member("module", m.module);
    w.member("orm", m.orm);
    w.member("table", m.table);
    w.member("file", m.file);
    w.member("line", m.line);
    w.end_object();
  }
  w.end_array();
  w.key("tables");
  w.begin_array();
  for (const TableUse& t : plan.tables) {
    w.begin_object();
    w.member("table", t.table);
    w.member("models", t.models);
    w.member("read_by", t.read_by);
    w.member("written_by", t.written_by);
    w.end_object();
  }
  w.end_array();
  w.key("matrix");
  w.begin_array();
  for (const MatrixRow& row : plan.matrix)
    write_matrix_row(w, row);
  w.end_array();
  w.key("python2");
  w.begin_array();
  for (const Python2Blocker& b : inv.python2) {
    w.begin_object();
    w.member("module", b.module);
    w.member("construct", b.construct);
    w.member("file", b.file);
    w.member("line", b.line);
    w.end_object();
  }
  w.end_array();
}

}  // namespace cutover
