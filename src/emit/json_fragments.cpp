#include "emit/json_fragments.h"

namespace cutover {
namespace {

void write_import_steps(JsonWriter& w, const std::vector<ImportStep>& steps) {
  w.begin_array();
  for (const ImportStep& s : steps) {
    w.begin_object();
    w.member("from", s.from);
    w.member("to", s.to);
    w.member("file", s.file);
    w.member("line", s.line);
    w.end_object();
  }
  w.end_array();
}

}  // namespace

void write_module(JsonWriter& w, const Module& m) {
  w.begin_object();
  w.member("name", m.name);
  w.member("path", m.path);
  w.member("fan_in", m.fan_in);
  w.member("fan_out", m.fan_out);
  w.member("instability", m.instability);
  w.member("layer", m.layer);
  w.member("blast_radius", m.blast_radius);
  w.member("betweenness", m.betweenness);
  w.member("family", m.family);
  w.member("families_reaching", m.families_reaching);
  w.member("core", m.core);
  w.member("assembly", m.assembly);
  if (m.test) w.member("test", true);
  w.end_object();
}

void write_families(JsonWriter& w, const std::vector<Family>& families) {
  w.begin_array();
  for (const Family& f : families) {
    w.begin_object();
    w.member("name", f.name);
    w.member("kind", f.kind);
    w.member("endpoints", f.endpoints);
    w.member("package", f.package);
    w.member("modules", f.modules);
    w.member("reached_modules", f.reached_modules);
    w.member("core_reached", f.core_reached);
    w.end_object();
  }
  w.end_array();
}

void write_family_edges(JsonWriter& w, const std::vector<FamilyDependency>& edges) {
  w.begin_array();
  for (const FamilyDependency& e : edges) {
    w.begin_object();
    w.member("from", e.from);
    w.member("to", e.to);
    w.member("weight", e.weight);
    w.key("imports");
    write_import_steps(w, e.imports);
    w.end_object();
  }
  w.end_array();
}

void write_cycles(JsonWriter& w, const std::vector<ImportCycle>& cycles) {
  w.begin_array();
  for (const ImportCycle& c : cycles) {
    w.begin_object();
    w.member("modules", c.modules);
    w.key("path");
    write_import_steps(w, c.path);
    w.end_object();
  }
  w.end_array();
}

}  // namespace cutover
