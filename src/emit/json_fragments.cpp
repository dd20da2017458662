#include "emit/json_fragments.h"

namespace cutover {

nlohmann::ordered_json module_json(const Module& m) {
  return {{"name", m.name},
          {"path", m.path},
          {"fan_in", m.fan_in},
          {"fan_out", m.fan_out},
          {"instability", m.instability},
          {"layer", m.layer},
          {"blast_radius", m.blast_radius},
          {"betweenness", m.betweenness},
          {"family", m.family},
          {"families_reaching", m.families_reaching},
          {"core", m.core},
          {"assembly", m.assembly}};
}

nlohmann::ordered_json import_steps_json(const std::vector<ImportStep>& steps) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const ImportStep& s : steps)
    out.push_back({{"from", s.from}, {"to", s.to}, {"file", s.file}, {"line", s.line}});
  return out;
}

nlohmann::ordered_json families_json(const std::vector<Family>& families) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Family& f : families) {
    out.push_back({{"name", f.name},
                   {"kind", f.kind},
                   {"endpoints", f.endpoints},
                   {"package", f.package},
                   {"modules", f.modules},
                   {"reached_modules", f.reached_modules},
                   {"core_reached", f.core_reached}});
  }
  return out;
}

nlohmann::ordered_json family_edges_json(const std::vector<FamilyDependency>& edges) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const FamilyDependency& e : edges) {
    out.push_back({{"from", e.from},
                   {"to", e.to},
                   {"weight", e.weight},
                   {"imports", import_steps_json(e.imports)}});
  }
  return out;
}

nlohmann::ordered_json cycles_json(const std::vector<ImportCycle>& cycles) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const ImportCycle& c : cycles) {
    out.push_back({{"modules", c.modules}, {"path", import_steps_json(c.path)}});
  }
  return out;
}

}  // namespace cutover
