#include "plan/migration_plan.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "graph/endpoint_families.h"
#include "model/dotted_name.h"
#include "traffic/log_time.h"

namespace cutover {
namespace {

double rounded(double value) {
  return std::round(value * 1000) / 1000;
}

std::string joined(const std::vector<std::string>& items, std::size_t limit = 6) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < limit; ++i)
    out += (i ? ", " : "") + items[i];
  if (items.size() > limit) out += ", +" + std::to_string(items.size() - limit) + " more";
  return out;
}

// A route writes when it declares an unsafe method. A Django view with no
// method restriction ("ANY") writes only when its code reads a request body.
bool is_read_only(const Route& r, const MatrixRow& row) {
  if (r.methods == std::vector<std::string>{"ANY"}) {
    return std::none_of(row.adapters.begin(), row.adapters.end(), [](const Adapter& a) {
      return a.id == "form-data" || a.id == "json-body" || a.id == "file-upload" ||
             a.id == "raw-body";
    });
  }
  return std::all_of(r.methods.begin(), r.methods.end(), [](const std::string& m) {
    return m == "GET" || m == "HEAD" || m == "OPTIONS";
  });
}

// What one family is made of, gathered before it is scored.
struct FamilyFacts {
  std::uint32_t endpoints = 0, read_only = 0, adapters = 0, deprecated = 0;
  std::set<std::string> dependants, dependencies;
  std::set<std::string> read, written;
  std::vector<const Python2Blocker*> python2;
  std::string auth_evidence;               // code that logs users in
  std::string auth_path;                   // a path that names authentication
  const FamilyTraffic* traffic = nullptr;  // with access logs
  std::uint32_t never_hit = 0;             // endpoints proposed for deprecation
};

// Waves: the score range of the families that are not auth split in
// thirds, best first; auth families after all of them; empty waves skipped.
void assign_waves(Plan& plan) {
  double top = -1e9, bottom = 1e9;
  for (const FamilyPlan& fp : plan.families) {
    if (fp.auth_critical) continue;
    top = std::max(top, fp.score);
    bottom = std::min(bottom, fp.score);
  }
  std::uint32_t last = 0;
  for (FamilyPlan& fp : plan.families) {
    if (fp.auth_critical) continue;
    const double span = top - bottom;
    fp.wave =
        span <= 0 ? 1 : 1 + std::min(2u, static_cast<std::uint32_t>(3 * (top - fp.score) / span));
    last = std::max(last, fp.wave);
  }
  for (FamilyPlan& fp : plan.families) {
    if (fp.auth_critical) fp.wave = last + 1;
  }
  std::map<std::uint32_t, std::uint32_t> renumbered;
  for (const FamilyPlan& fp : plan.families)
    renumbered.emplace(fp.wave, 0);
  std::uint32_t next = 1;
  for (auto& [wave, number] : renumbered)
    number = next++;
  for (FamilyPlan& fp : plan.families) {
    fp.wave = renumbered[fp.wave];
    if (plan.waves.size() < fp.wave) plan.waves.resize(fp.wave);
    plan.waves[fp.wave - 1].number = fp.wave;
    plan.waves[fp.wave - 1].families.push_back(fp.name);
  }
}

std::string reasons_in_words(const FamilyFacts& ff, const FamilyPlan& fp,
                             const std::string& traffic_words) {
  std::vector<std::string> reasons;
  reasons.push_back(ff.read_only == ff.endpoints
                        ? "reads only (" + std::to_string(ff.endpoints) + " endpoint" +
                              (ff.endpoints == 1 ? ")" : "s)")
                        : std::to_string(ff.endpoints - ff.read_only) + " of " +
                              std::to_string(ff.endpoints) + " endpoints write");
  reasons.push_back(std::to_string(ff.dependants.size()) + " dependant famil" +
                    (ff.dependants.size() == 1 ? "y" : "ies") +
                    (ff.dependants.empty()
                         ? ""
                         : " (" + joined({ff.dependants.begin(), ff.dependants.end()}) + ")"));
  if (!ff.dependencies.empty())
    reasons.push_back("depends on " + joined({ff.dependencies.begin(), ff.dependencies.end()}));
  std::set<std::string> own(ff.read.begin(), ff.read.end());
  own.insert(ff.written.begin(), ff.written.end());
  for (const std::string& t : fp.tables_shared)
    own.erase(t);
  if (!own.empty()) reasons.push_back("owns tables " + joined({own.begin(), own.end()}));
  if (!fp.tables_shared.empty()) reasons.push_back("shares tables " + joined(fp.tables_shared));
  if (!ff.auth_evidence.empty()) reasons.push_back("authentication: " + ff.auth_evidence);
  if (!ff.python2.empty())
    reasons.push_back(std::to_string(ff.python2.size()) + " Python 2 blockers");
  if (!traffic_words.empty()) reasons.push_back(traffic_words);
  std::string out;
  for (const std::string& reason : reasons)
    out += (out.empty() ? "" : "; ") + reason;
  return out;
}

std::vector<std::string> prerequisites_of(const FamilyFacts& ff, const FamilyPlan& fp,
                                          const Family* graph_family, const Inventory& inv) {
  std::vector<std::string> out;
  if (graph_family) {
    // Grouped by package: a big app reaches dozens of core modules.
    const std::set<std::string> own(graph_family->modules.begin(), graph_family->modules.end());
    std::map<std::string, std::vector<std::string>> by_package;
    for (const std::string& core : graph_family->core_reached) {
      if (own.contains(core)) continue;
      const std::string_view package = parent_name(core);
      by_package[std::string(package.empty() ? core : package)].push_back(core);
    }
    for (const auto& [package, modules] : by_package) {
      out.push_back(modules.size() == 1
                        ? "extract or wrap core module " + modules.front()
                        : "extract or wrap " + std::to_string(modules.size()) +
                              " core modules of " + package + ": " + joined(modules, 4));
    }
  }
  for (const FamilyDependency& d : inv.family_edges) {
    if (d.from != fp.name || d.imports.empty()) continue;
    const ImportStep& s = d.imports.front();
    out.push_back("move or wrap family " + d.to + " first: " + s.from + " imports " + s.to + " (" +
                  s.file + ":" + std::to_string(s.line) + ")");
  }
  for (const std::string& t : fp.tables_shared)
    out.push_back("decide which service owns shared table " + t);
  if (!ff.python2.empty()) {
    const Python2Blocker& first = *ff.python2.front();
    out.push_back("port " + std::to_string(ff.python2.size()) + " Python 2 constructs (first: " +
                  first.construct + " at " + first.file + ":" + std::to_string(first.line) + ")");
  }
  return out;
}

std::vector<std::string> sequence_of(const FamilyFacts& ff) {
  std::vector<std::string> out = {
      "shadow reads: mirror GET traffic to FastAPI and compare responses",
      "route read traffic to FastAPI"};
  if (ff.read_only < ff.endpoints) {
    out.push_back("route writes once the tables it writes" +
                  (ff.written.empty()
                       ? std::string()
                       : " (" + joined({ff.written.begin(), ff.written.end()}) + ")") +
                  " have a single writer");
  }
  if (ff.deprecated > 0) {
    out.push_back("retire " + std::to_string(ff.deprecated) +
                  " deprecated endpoints instead of porting them");
  }
  if (ff.never_hit > 0) {
    out.push_back("confirm whether " +
                  (ff.never_hit == 1 ? std::string("the endpoint")
                                     : "the " + std::to_string(ff.never_hit) + " endpoints") +
                  " no request reached can be retired instead of ported (proposed for "
                  "deprecation in the matrix)");
  }
  return out;
}

// "12.5% of requests (1,234), 97.0% reads observed", from the access logs.
std::string traffic_in_words(const FamilyTraffic* family, std::uint64_t matched) {
  if (!family || family->hits == 0) return "no request in the log window";
  const auto percent = [](std::uint64_t part, std::uint64_t whole) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%",
                  whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0);
    return std::string(text);
  };
  return percent(family->hits, matched) + " of requests (" + std::to_string(family->hits) + "), " +
         percent(family->reads, family->hits) + " reads observed";
}

// Never-hit endpoints proposed for deprecation in the matrix; each
// family's traffic.
void propose_deprecations(const Inventory& inv, std::vector<MatrixRow>& matrix,
                          std::map<std::string, FamilyFacts>& facts) {
  const TrafficSummary& t = *inv.traffic;
  const std::string window = t.window_first && t.window_last ? " from " + iso_utc(*t.window_first) +
                                                                   " to " + iso_utc(*t.window_last)
                                                             : "";
  for (std::size_t i : t.never_hit) {
    if (i >= matrix.size() || matrix[i].status == "deprecated") continue;
    matrix[i].proposed_deprecation = "no request in the access logs" + window + " (" +
                                     std::to_string(t.requests) + " requests read)";
    ++facts[inv.routes[i].family].never_hit;
  }
  for (const FamilyTraffic& f : t.families)
    facts[f.family].traffic = &f;
}

}  // namespace

bool names_authentication(std::string_view name) {
  static constexpr std::string_view kWords[] = {"auth",    "login",  "logout",   "account",
                                                "session", "oauth",  "sso",      "token",
                                                "signin",  "signup", "password", "register"};
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::any_of(std::begin(kWords), std::end(kWords),
                     [&](std::string_view w) { return lower.find(w) != std::string::npos; });
}

Plan build_plan(const Inventory& inv, const PlanOptions& options) {
  Plan plan;
  plan.matrix = build_compatibility_matrix(inv, options.deprecated);

  std::map<std::string, FamilyFacts> facts;
  for (const Family& f : inv.families)
    facts[f.name];
  if (inv.traffic) propose_deprecations(inv, plan.matrix, facts);
  for (std::size_t i = 0; i < inv.routes.size(); ++i) {
    const Route& r = inv.routes[i];
    const MatrixRow& row = plan.matrix[i];
    FamilyFacts& ff = facts[r.family];
    ++ff.endpoints;
    ff.read_only += is_read_only(r, row);
    ff.adapters += static_cast<std::uint32_t>(row.adapters.size());
    ff.deprecated += row.status == "deprecated";
    if (ff.auth_path.empty() && names_authentication(first_path_segment(r.path)))
      ff.auth_path = "serves " + r.path;
    for (const Adapter& a : row.adapters) {
      if (ff.auth_evidence.empty() &&
          (a.evidence == "flask_login.login_user" || a.evidence == "flask_login.logout_user" ||
           a.evidence == "django.contrib.auth.login" ||
           a.evidence == "django.contrib.auth.logout")) {
        ff.auth_evidence =
            "logs users in (" + a.evidence + " at " + a.file + ":" + std::to_string(a.line) + ")";
      }
    }
  }
  for (const FamilyDependency& d : inv.family_edges) {
    facts[d.from].dependencies.insert(d.to);
    facts[d.to].dependants.insert(d.from);
  }
  std::map<std::string, std::string> family_of_module;
  for (const Module& m : inv.modules) {
    if (!m.family.empty()) family_of_module.emplace(m.name, m.family);
  }
  std::map<std::string, TableUse> tables;
  for (const DataModel& m : inv.models) {
    TableUse& t = tables[m.table];
    t.table = m.table;
    t.models.push_back(m.name);
  }
  for (const TableAccess& a : inv.table_accesses) {
    const auto family = family_of_module.find(a.module);
    if (family == family_of_module.end()) continue;
    FamilyFacts& ff = facts[family->second];
    (a.write ? ff.written : ff.read).insert(a.table);
  }
  for (const Python2Blocker& b : inv.python2) {
    const auto family = family_of_module.find(b.module);
    if (family != family_of_module.end()) facts[family->second].python2.push_back(&b);
  }
  for (auto& [name, ff] : facts) {
    if (ff.auth_evidence.empty() && names_authentication(name))
      ff.auth_evidence = "named like authentication";
    if (ff.auth_evidence.empty()) ff.auth_evidence = ff.auth_path;
    for (const std::string& t : ff.read)
      tables[t].read_by.push_back(name);
    for (const std::string& t : ff.written)
      tables[t].written_by.push_back(name);
  }

  // Raw factor values, then scaled by the largest value across families.
  const ScoreWeights& w = options.weights;
  struct Raw {
    std::string name;
    double value, weight;
    bool share;  // already in [0, 1]
  };
  std::map<std::string, std::vector<Raw>> raw;
  std::map<std::string, double> largest;
  for (auto& [name, ff] : facts) {
    std::set<std::string> shared;
    for (const std::set<std::string>* used : {&ff.read, &ff.written}) {
      for (const std::string& t : *used) {
        const TableUse& use = tables[t];
        std::set<std::string> users(use.read_by.begin(), use.read_by.end());
        users.insert(use.written_by.begin(), use.written_by.end());
        if (users.size() > 1) shared.insert(t);
      }
    }
    const double endpoints = std::max<double>(1, ff.endpoints);
    raw[name] = {
        {"read_only_share", ff.read_only / endpoints, w.read_only, true},
        {"dependants", static_cast<double>(ff.dependants.size()), w.dependants, false},
        {"dependencies", static_cast<double>(ff.dependencies.size()), w.dependencies, false},
        {"shared_tables", static_cast<double>(shared.size()), w.shared_tables, false},
        {"auth_critical", ff.auth_evidence.empty() ? 0.0 : 1.0, w.auth, true},
        {"adapters_per_endpoint", ff.adapters / endpoints, w.adapters, false},
        {"python2_blockers", static_cast<double>(ff.python2.size()), w.python2, false},
        {"endpoints", static_cast<double>(ff.endpoints), w.size, false},
    };
    if (inv.traffic) {
      // Observed traffic next to the static factors; a family no request
      // reached keeps its static read share as the observed one.
      const std::uint64_t hits = ff.traffic ? ff.traffic->hits : 0;
      const double total = static_cast<double>(std::max<std::uint64_t>(1, inv.traffic->matched));
      raw[name].push_back({"traffic_share", static_cast<double>(hits) / total, w.traffic, false});
      raw[name].push_back({"observed_read_share",
                           hits ? static_cast<double>(ff.traffic->reads) / static_cast<double>(hits)
                                : ff.read_only / endpoints,
                           w.observed_read, true});
    }
    for (const Raw& r : raw[name])
      largest[r.name] = std::max(largest[r.name], r.value);
    FamilyPlan fp{.name = name, .auth_critical = !ff.auth_evidence.empty()};
    fp.tables_read.assign(ff.read.begin(), ff.read.end());
    fp.tables_written.assign(ff.written.begin(), ff.written.end());
    fp.tables_shared.assign(shared.begin(), shared.end());
    plan.families.push_back(std::move(fp));
  }
  for (FamilyPlan& fp : plan.families) {
    for (const Raw& r : raw[fp.name]) {
      const double scaled =
          r.share ? r.value : (largest[r.name] > 0 ? r.value / largest[r.name] : 0);
      fp.factors.push_back(ScoreFactor{.name = r.name,
                                       .value = rounded(r.value),
                                       .scaled = rounded(scaled),
                                       .weight = r.weight,
                                       .contribution = rounded(scaled * r.weight)});
      fp.score += scaled * r.weight;
    }
    fp.score = rounded(fp.score);
  }
  std::stable_sort(plan.families.begin(), plan.families.end(),
                   [](const FamilyPlan& a, const FamilyPlan& b) {
                     if (a.auth_critical != b.auth_critical) return !a.auth_critical;
                     return a.score > b.score;
                   });

  assign_waves(plan);

  std::map<std::string, const Family*> graph_families;
  for (const Family& f : inv.families)
    graph_families.emplace(f.name, &f);
  for (FamilyPlan& fp : plan.families) {
    const FamilyFacts& ff = facts[fp.name];
    const auto g = graph_families.find(fp.name);
    fp.reasons = reasons_in_words(
        ff, fp, inv.traffic ? traffic_in_words(ff.traffic, inv.traffic->matched) : "");
    fp.prerequisites =
        prerequisites_of(ff, fp, g == graph_families.end() ? nullptr : g->second, inv);
    fp.sequence = sequence_of(ff);
  }
  for (auto& [name, t] : tables) {
    std::sort(t.models.begin(), t.models.end());
    plan.tables.push_back(std::move(t));
  }
  return plan;
}

}  // namespace cutover
