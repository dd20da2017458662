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
  w.member("lines_to_port", f.lines_to_port);
  w.key("shared_lines");
  w.begin_array();
  for (const auto& [family, lines] : f.shared_lines) {
    w.begin_object();
    w.member("family", family);
    w.member("lines", lines);
    w.end_object();
  }
  w.end_array();
  w.member("test_files", f.test_files);
  w.end_object();
}

void write_removables(JsonWriter& w, const std::vector<Removable>& items, bool located) {
  w.begin_array();
  for (const Removable& r : items) {
    w.begin_object();
    w.member("name", r.name);
    if (located) {
      w.member("file", r.file);
      w.member("line", r.line);
      w.member("lines", r.lines);
    }
    w.member("why", r.why);
    w.end_object();
  }
  w.end_array();
}

void write_cut(JsonWriter& w, const CutFigures& c) {
  w.begin_object();
  w.member("cut", c.cut);
  w.member("parts", c.parts);
  w.member("resolved_calls", c.resolved_calls);
  w.member("crossing_calls", c.crossing_calls);
  w.member("crossing_share", c.crossing_share);
  w.member("distributed_writes", c.distributed_writes);
  w.end_object();
}

void write_quality(JsonWriter& w, const PlanQuality& q) {
  w.begin_object();
  w.key("families");
  write_cut(w, q.families);
  w.key("waves");
  w.begin_array();
  for (const CutFigures& c : q.waves)
    write_cut(w, c);
  w.end_array();
  w.key("distributed_writes");
  w.begin_array();
  for (const DistributedWrite& d : q.writes) {
    w.begin_object();
    w.member("route", d.route_id);
    w.member("family", d.family);
    w.member("tables", d.tables);
    w.member("families", d.families);
    w.end_object();
  }
  w.end_array();
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
  w.key("effort");
  w.begin_object();
  w.member("class", row.effort.effort);
  w.member("lines", row.effort.lines);
  w.member("adapters", row.effort.adapters);
  w.member("tables_written", row.effort.tables_written);
  w.end_object();
  if (!row.proposed_deprecation.empty()) w.member("proposed_deprecation", row.proposed_deprecation);
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
    w.key("removable");
    w.begin_object();
    w.key("modules");
    write_removables(w, wave.removable.modules, true);
    w.key("functions");
    write_removables(w, wave.removable.functions, true);
    w.key("tables");
    write_removables(w, wave.removable.tables, false);
    w.member("lines", wave.removable.lines);
    w.end_object();
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
  w.key("kernel");
  w.begin_array();
  for (const KernelCandidate& k : plan.kernel) {
    w.begin_object();
    w.member("head", k.head);
    w.member("module", k.module);
    w.member("functions", k.units);
    w.member("lines", k.lines);
    w.member("families", k.families);
    w.end_object();
  }
  w.end_array();
  w.key("quality");
  write_quality(w, plan.quality);
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
