#include "emit/plan_json.h"

namespace cutover {

void add_plan_json(const Inventory& inv, nlohmann::ordered_json& doc) {
  using Json = nlohmann::ordered_json;
  const Plan& plan = inv.plan;
  Json families = Json::array();
  for (const FamilyPlan& f : plan.families) {
    Json factors = Json::array();
    for (const ScoreFactor& s : f.factors) {
      factors.push_back({{"name", s.name},
                         {"value", s.value},
                         {"scaled", s.scaled},
                         {"weight", s.weight},
                         {"contribution", s.contribution}});
    }
    families.push_back({{"name", f.name},
                        {"wave", f.wave},
                        {"score", f.score},
                        {"reasons", f.reasons},
                        {"auth_critical", f.auth_critical},
                        {"factors", std::move(factors)},
                        {"tables_read", f.tables_read},
                        {"tables_written", f.tables_written},
                        {"tables_shared", f.tables_shared},
                        {"prerequisites", f.prerequisites},
                        {"sequence", f.sequence}});
  }
  Json waves = Json::array();
  for (const Wave& w : plan.waves)
    waves.push_back({{"wave", w.number}, {"families", w.families}});
  Json tables = Json::array();
  for (const TableUse& t : plan.tables) {
    tables.push_back({{"table", t.table},
                      {"models", t.models},
                      {"read_by", t.read_by},
                      {"written_by", t.written_by}});
  }
  Json matrix = Json::array();
  for (const MatrixRow& row : plan.matrix) {
    Json adapters = Json::array();
    for (const Adapter& a : row.adapters) {
      adapters.push_back({{"id", a.id},
                          {"fastapi", a.fastapi},
                          {"evidence", a.evidence},
                          {"file", a.file},
                          {"line", a.line}});
    }
    Json entry = {{"route", row.route_id},
                  {"family", row.family},
                  {"status", row.status},
                  {"adapters", std::move(adapters)},
                  {"blockers", row.blockers}};
    if (!row.deprecated_by.empty()) entry["deprecated_by"] = row.deprecated_by;
    matrix.push_back(std::move(entry));
  }
  Json python2 = Json::array();
  for (const Python2Blocker& b : inv.python2) {
    python2.push_back(
        {{"module", b.module}, {"construct", b.construct}, {"file", b.file}, {"line", b.line}});
  }
  Json models = Json::array();
  for (const DataModel& m : inv.models) {
    models.push_back({{"name", m.name},
                      {"module", m.module},
                      {"orm", m.orm},
                      {"table", m.table},
                      {"file", m.file},
                      {"line", m.line}});
  }
  doc["families"] = std::move(families);
  doc["waves"] = std::move(waves);
  doc["models"] = std::move(models);
  doc["tables"] = std::move(tables);
  doc["matrix"] = std::move(matrix);
  doc["python2"] = std::move(python2);
}

}  // namespace cutover
