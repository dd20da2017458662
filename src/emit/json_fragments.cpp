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
          {"betweenness", m.betweenness}};
}

nlohmann::ordered_json cycles_json(const std::vector<ImportCycle>& cycles) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const ImportCycle& c : cycles) {
    nlohmann::ordered_json path = nlohmann::ordered_json::array();
    for (const CycleStep& s : c.path) {
      path.push_back({{"from", s.from}, {"to", s.to}, {"file", s.file}, {"line", s.line}});
    }
    out.push_back({{"modules", c.modules}, {"path", std::move(path)}});
  }
  return out;
}

}  // namespace cutover
