#include "plan/migration_plan.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "graph/endpoint_families.h"
#include "model/dotted_name.h"
#include "plan/decommission.h"
#include "plan/endpoint_effort.h"
#include "plan/family_facts.h"
#include "plan/plan_quality.h"
#include "plan/shared_kernel.h"
#include "plan/slice_overlap.h"
#include "traffic/log_time.h"

namespace cutover {
namespace {

double rounded(double value) {
  return std::round(value * 1000) / 1000;
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

// What each family's slices use, own, share and write (see FamilyFacts).
void add_slice_facts(const Inventory& inv, const SliceOverlap& o,
                     const std::vector<KernelCandidate>& kernel,
                     std::map<std::string, FamilyFacts>& facts) {
  std::map<std::string, std::vector<const KernelCandidate*>> kernel_by_module;
  for (const KernelCandidate& k : kernel)
    kernel_by_module[k.module].push_back(&k);
  for (std::size_t f = 0; f < o.families.size(); ++f) {
    FamilyFacts& ff = facts[o.families[f]];
    ff.lines = o.lines[f];
    ff.read.insert(o.read[f].begin(), o.read[f].end());
    ff.written.insert(o.written[f].begin(), o.written[f].end());
    std::set<const KernelCandidate*> used;
    for (const std::uint32_t u : o.units[f]) {
      const CodeUnit& unit = inv.code_units[u];
      const int owner = o.owner[u];
      if (owner >= 0 && static_cast<std::size_t>(owner) != f) {
        const std::string& by = o.families[static_cast<std::size_t>(owner)];
        ff.dependencies.insert(by);
        facts[by].dependants.insert(o.families[f]);
        if (o.users[u].size() == 1) ff.borrowed[by].push_back(u);
      }
      if (o.users[u].size() < 2) continue;
      ff.shared += unit.lines;
      for (const std::uint32_t g : o.users[u]) {
        if (g != f) ff.shared_with[o.families[g]] += unit.lines;
      }
      if (const auto k = kernel_by_module.find(unit.module); k != kernel_by_module.end())
        used.insert(k->second.begin(), k->second.end());
    }
    for (const KernelCandidate& k : kernel) {  // in rank order
      if (used.contains(&k)) ff.kernel.push_back(&k);
    }
  }
}

// The tables each family writes that another writes too, and how many of
// its endpoints write one: each a distributed transaction once the family
// is a service of its own.
void add_contested_writes(const Inventory& inv, const SliceOverlap& o,
                          const std::vector<char>& deprecated,
                          std::map<std::string, FamilyFacts>& facts) {
  std::map<std::string, std::uint32_t> writers;
  for (std::size_t f = 0; f < o.families.size(); ++f) {
    for (const std::string& t : o.written[f])
      ++writers[t];
  }
  for (std::size_t f = 0; f < o.families.size(); ++f) {
    FamilyFacts& ff = facts[o.families[f]];
    for (const std::string& t : o.written[f]) {
      if (writers[t] >= 2) ff.contested.push_back(t);
    }
  }
  for (std::size_t i = 0; i < inv.routes.size() && i < inv.slices.size(); ++i) {
    if (i < deprecated.size() && deprecated[i]) continue;
    const auto family = facts.find(inv.routes[i].family);
    if (family == facts.end() || family->second.contested.empty()) continue;
    FamilyFacts& ff = family->second;
    const std::vector<std::string>& written = inv.slices[i].tables_written;
    ff.distributed_writes += std::any_of(written.begin(), written.end(), [&](const std::string& t) {
      return std::binary_search(ff.contested.begin(), ff.contested.end(), t);
    });
  }
}

// Test modules that exercise a family's handlers: those importing its
// modules, and those inside its package.
std::map<std::string, std::set<std::string>> test_files_by_family(const Inventory& inv) {
  std::map<std::string, const Module*> modules;
  for (const Module& m : inv.modules)
    modules.emplace(m.name, &m);
  std::map<std::string, std::set<std::string>> out;
  for (const ImportEdge& e : inv.imports) {
    if (e.kind != ImportKind::kInternal) continue;
    const auto from = modules.find(e.from);
    const auto to = modules.find(e.to);
    if (from == modules.end() || to == modules.end() || !from->second->test ||
        to->second->family.empty())
      continue;
    out[to->second->family].insert(from->second->path);
  }
  for (const Family& f : inv.families) {
    if (f.package.empty()) continue;
    for (const Module& m : inv.modules) {
      if (m.test && is_within(m.name, f.package)) out[f.name].insert(m.path);
    }
  }
  return out;
}

// What each wave makes removable: the routes of its families and of the
// waves before it gone, deprecated ones too, less what the waves before
// already freed.
void add_wave_decommission(const Inventory& inv, Plan& plan) {
  std::map<std::string, std::uint32_t> wave_of;
  for (const FamilyPlan& fp : plan.families)
    wave_of[fp.name] = fp.wave;
  Decommission before;
  for (Wave& w : plan.waves) {
    std::vector<char> gone(inv.routes.size(), 0);
    std::vector<std::string> why(inv.routes.size());
    for (std::size_t i = 0; i < inv.routes.size(); ++i) {
      const std::uint32_t wave = wave_of[inv.routes[i].family];
      if (plan.matrix[i].status == "deprecated") {
        gone[i] = 1;
        why[i] = "deprecated";
      } else if (wave != 0 && wave <= w.number) {
        gone[i] = 1;
        why[i] = "wave " + std::to_string(wave);
      }
    }
    Decommission now = find_removable(inv, gone, why);
    w.removable = removable_difference(now, before);
    before = std::move(now);
  }
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
  std::vector<char> deprecated(inv.routes.size(), 0);
  for (std::size_t i = 0; i < inv.routes.size(); ++i)
    deprecated[i] = plan.matrix[i].status == "deprecated";
  const SliceOverlap overlap = overlap_slices(inv, deprecated);
  plan.kernel = find_shared_kernel(inv, overlap);

  std::map<std::string, FamilyFacts> facts;
  for (const std::string& name : overlap.families)
    facts[name];
  if (inv.traffic) propose_deprecations(inv, plan.matrix, facts);
  for (std::size_t i = 0; i < inv.routes.size(); ++i) {
    const Route& r = inv.routes[i];
    MatrixRow& row = plan.matrix[i];
    if (i < inv.slices.size()) {
      const EndpointSlice& s = inv.slices[i];
      row.effort = endpoint_effort(s.lines, static_cast<std::uint32_t>(row.adapters.size()),
                                   static_cast<std::uint32_t>(s.tables_written.size()));
    }
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
  add_slice_facts(inv, overlap, plan.kernel, facts);
  add_contested_writes(inv, overlap, deprecated, facts);
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
  for (const Python2Blocker& b : inv.python2) {
    const auto family = family_of_module.find(b.module);
    if (family != family_of_module.end()) facts[family->second].python2.push_back(&b);
  }
  for (auto& [name, ff] : facts) {
    if (ff.auth_evidence.empty() && names_authentication(name))
      ff.auth_evidence = "named like authentication";
    if (ff.auth_evidence.empty()) ff.auth_evidence = ff.auth_path;
    for (const std::string& t : ff.read) {
      tables[t].table = t;
      tables[t].read_by.push_back(name);
    }
    for (const std::string& t : ff.written) {
      tables[t].table = t;
      tables[t].written_by.push_back(name);
    }
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
        {"shared_writes", static_cast<double>(ff.distributed_writes), w.shared_writes, false},
        {"shared_code", ff.lines ? static_cast<double>(ff.shared) / ff.lines : 0.0, w.shared_code,
         true},
        {"auth_critical", ff.auth_evidence.empty() ? 0.0 : 1.0, w.auth, true},
        {"adapters_per_endpoint", ff.adapters / endpoints, w.adapters, false},
        {"python2_blockers", static_cast<double>(ff.python2.size()), w.python2, false},
        {"lines_to_port", static_cast<double>(ff.lines), w.size, false},
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
    fp.lines_to_port = ff.lines;
    fp.shared_lines.assign(ff.shared_with.begin(), ff.shared_with.end());
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

  std::map<std::string, std::set<std::string>> tests = test_files_by_family(inv);
  for (FamilyPlan& fp : plan.families) {
    const FamilyFacts& ff = facts[fp.name];
    fp.reasons = reasons_in_words(
        ff, fp, inv.traffic ? traffic_in_words(ff.traffic, inv.traffic->matched) : "");
    fp.prerequisites = prerequisites_of(ff, fp, inv);
    fp.sequence = sequence_of(ff);
    fp.test_files.assign(tests[fp.name].begin(), tests[fp.name].end());
  }
  for (auto& [name, t] : tables) {
    std::sort(t.models.begin(), t.models.end());
    plan.tables.push_back(std::move(t));
  }
  plan.quality = measure_plan(inv, overlap, plan, deprecated);
  add_wave_decommission(inv, plan);
  return plan;
}

}  // namespace cutover
